package kz.hattama.export;

import kz.hattama.form.FormDefinition;
import kz.hattama.precinct.Place;
import kz.hattama.precinct.PlaceFinder;
import kz.hattama.precinct.Places;
import kz.hattama.precinct.PrecinctAudit;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.review.Review;
import kz.hattama.review.ReviewHistory;
import kz.hattama.store.ProtocolPages;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.StoredProtocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The stored protocols as export records, shared by every output format (and the CLI and the web app) so they
 * cannot drift apart. Each record carries where the protocol was counted, its review and the flags that need the
 * whole dataset; all of it is read in one snapshot of the database.
 */
public final class ExportSource {

    private final ProtocolStore store;
    private final ProtocolPages pages;
    private final FormDefinition form;
    private final PlaceFinder placeFinder;
    private final ReviewHistory reviewHistory;

    public ExportSource(ProtocolStore store, ProtocolPages pages, FormDefinition form, PlaceFinder placeFinder,
                        ReviewHistory reviewHistory) {
        this.store = store;
        this.pages = pages;
        this.form = form;
        this.placeFinder = placeFinder;
        this.reviewHistory = reviewHistory;
    }

    public FormDefinition form() {
        return form;
    }

    /** @return how many records were handed to {@code sink} */
    public long forEach(ExportFilter filter, Consumer<ExportRecord> sink) {
        return store.readConsistently(() -> {
            Places places = placeFinder.load();
            Map<Long, List<Flag>> datasetFlags = datasetFlags(places);
            long[] n = {0};
            pages.forEachPage(filter.statuses(), page -> {
                List<StoredProtocol> kept = page.stream()
                        .filter(p -> filter.accepts(p.surePrecinct(), placeOf(p, places), places)).toList();
                if (kept.isEmpty()) {
                    return;
                }
                Map<Long, Review> reviews = reviewHistory.reviewsOf(kept.stream().map(StoredProtocol::id).toList());
                for (StoredProtocol p : kept) {
                    sink.accept(record(p, places, reviews, datasetFlags));
                    n[0]++;
                }
            });
            return n[0];
        });
    }

    /** One protocol's record by its export id. */
    public Optional<ExportRecord> record(String uid) {
        return store.readConsistently(() -> store.protocol(uid).map(p -> {
            Places places = placeFinder.load();
            return record(p, places, reviewHistory.reviewsOf(List.of(p.id())), datasetFlags(places));
        }));
    }

    private ExportRecord record(StoredProtocol p, Places places, Map<Long, Review> reviews,
                                Map<Long, List<Flag>> datasetFlags) {
        return ExportRecord.of(p, form, p.status() == ProtocolStatus.REJECTED ? null : placeOf(p, places),
                reviews.get(p.id()), datasetFlags.getOrDefault(p.id(), List.of()));
    }

    private static Place placeOf(StoredProtocol p, Places places) {
        return p.status() == ProtocolStatus.REJECTED ? Place.UNKNOWN : places.place(p.surePrecinct(), p.address());
    }

    private Map<Long, List<Flag>> datasetFlags(Places places) {
        List<PrecinctAudit.Sighting> read = new ArrayList<>();
        pages.forEachProtocol(PrecinctAudit.READ, p -> read.add(PrecinctAudit.Sighting.of(p)));
        return PrecinctAudit.flags(read, places);
    }

    /** A sink that writes to a stream. */
    @FunctionalInterface
    public interface RecordWriter {
        void write(ExportRecord record) throws IOException;
    }

    /** {@link #forEach} for a writer, whose IOException reaches the caller as itself. */
    public long writeEach(ExportFilter filter, RecordWriter writer) throws IOException {
        try {
            return forEach(filter, record -> {
                try {
                    writer.write(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
