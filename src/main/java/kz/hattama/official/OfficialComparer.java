package kz.hattama.official;

import kz.hattama.form.FormDefinition;
import kz.hattama.store.ProtocolPages;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.StoredProtocol;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code official compare}: the stored protocols and the official results, read in one snapshot, set side by side. */
@Service
public class OfficialComparer {

    /** What a comparison found, and how much it looked at. */
    public record Outcome(List<Difference> rows, int protocols, int officialLines) {
    }

    private final ProtocolStore store;
    private final ProtocolPages pages;
    private final OfficialResults official;
    private final FormDefinition form;

    public OfficialComparer(ProtocolStore store, ProtocolPages pages, OfficialResults official, FormDefinition form) {
        this.store = store;
        this.pages = pages;
        this.official = official;
        this.form = form;
    }

    public Outcome compare() {
        return store.readConsistently(() -> {
            List<StoredProtocol> read = new ArrayList<>();
            pages.forEachProtocol(Set.of(), read::add);
            Map<String, OfficialLine> lines = official.all();
            List<Difference> rows = Comparison.of(read, lines, form);
            int protocols = (int) read.stream().filter(p -> p.rejection() == null).count();
            return new Outcome(rows, protocols, lines.size());
        });
    }
}
