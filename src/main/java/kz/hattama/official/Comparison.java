package kz.hattama.official;

import kz.hattama.form.FormDefinition;
import kz.hattama.precinct.Precinct;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.StoredProtocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The protocols set beside the official results, precinct by precinct. A protocol is filed under its precinct only
 * where its number is sure (VERIFIED or REVIEWED); where a precinct has several protocols each is compared and the rows
 * say so, since which one is right is for a person to tell.
 */
public final class Comparison {

    /** Precinct numbers in number order where they are numbers, then the others by text. */
    public static final Comparator<String> BY_NUMBER = Comparator.nullsLast(
            Comparator.comparing((String n) -> Precinct.numeric(n), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Comparator.naturalOrder()));

    private Comparison() {
    }

    /**
     * Every row of {@code official compare}, in precinct order.
     *
     * @param protocols the stored protocols; REJECTED ones are passed over
     */
    public static List<Difference> of(List<StoredProtocol> protocols, Map<String, OfficialLine> official,
                                      FormDefinition form) {
        List<Difference> rows = new ArrayList<>();
        Map<String, List<StoredProtocol>> byPrecinct = new LinkedHashMap<>();
        List<StoredProtocol> unsure = new ArrayList<>();
        for (StoredProtocol p : protocols) {
            if (p.status() == ProtocolStatus.REJECTED) {
                continue;
            }
            String number = Precinct.normalize(p.surePrecinct());
            if (number == null) {
                unsure.add(p);
            } else {
                byPrecinct.computeIfAbsent(number, k -> new ArrayList<>()).add(p);
            }
        }
        TreeSet<String> precincts = new TreeSet<>(BY_NUMBER);
        precincts.addAll(byPrecinct.keySet());
        precincts.addAll(official.keySet());
        for (String precinct : precincts) {
            List<StoredProtocol> observed = byPrecinct.getOrDefault(precinct, List.of());
            OfficialLine line = official.get(precinct);
            if (observed.isEmpty()) {
                rows.add(new Difference(precinct, Difference.Kind.NO_PROTOCOL, null, null, null, null, null));
                continue;
            }
            for (StoredProtocol p : observed) {
                if (observed.size() > 1) {
                    rows.add(new Difference(precinct, Difference.Kind.SEVERAL_PROTOCOLS, null, null, null, null, p.uid()));
                }
                if (line == null) {
                    rows.add(new Difference(precinct, Difference.Kind.NO_OFFICIAL_RESULT, null, null, null, null, p.uid()));
                } else {
                    rows.addAll(figures(p, line, form));
                }
            }
        }
        unsure.sort(Comparator.comparing((StoredProtocol p) -> Precinct.normalize(p.precinct()), BY_NUMBER)
                .thenComparing(StoredProtocol::uid));
        for (StoredProtocol p : unsure) {
            rows.add(new Difference(Precinct.normalize(p.precinct()), Difference.Kind.PRECINCT_UNSURE, null, null, null,
                    null, p.uid()));
        }
        return rows;
    }

    /**
     * The figures on which a protocol and its precinct's official line differ, in form order. A figure the protocol
     * lacks (not read) differs too: nobody can say it agrees.
     */
    public static List<Difference> figures(StoredProtocol p, OfficialLine line, FormDefinition form) {
        Map<String, FieldResult> fields = new LinkedHashMap<>();
        p.fields().forEach(f -> fields.put(f.key(), f));
        List<Difference> rows = new ArrayList<>();
        for (String key : form.keys()) {
            FieldResult f = fields.get(key);
            Integer read = f == null ? null : f.value();
            Integer published = line.figures().get(key);
            if (!Objects.equals(read, published)) {
                rows.add(new Difference(line.precinct(), Difference.Kind.FIGURE, key, read, published,
                        f == null || f.status() == null ? null : f.status().name(), p.uid()));
            }
        }
        return rows;
    }
}
