package kz.hattama.precinct;

import kz.hattama.reconcile.Flag;
import kz.hattama.reconcile.ProtocolStatus;
import kz.hattama.store.StoredProtocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that need more than one protocol: a precinct the official list lacks, and two protocols of one precinct
 * that disagree. Like the reconciler's flags these are signals for a person, not failed checks.
 */
public final class PrecinctAudit {

    public static final String NOT_IN_LIST = "precinct_not_in_list";
    public static final String CONFLICT = "precinct_conflict";

    /**
     * A read protocol as far as these rules care.
     *
     * @param values the figures by field key, in form order; null where nothing was read
     */
    public record Sighting(long id, String uid, String precinct, Map<String, Integer> values) {

        public static Sighting of(StoredProtocol p) {
            Map<String, Integer> values = new LinkedHashMap<>();
            p.fields().forEach(f -> values.put(f.key(), f.value()));
            return new Sighting(p.id(), p.uid(), p.precinct(), values);
        }
    }

    /**
     * Whether a flag tells about other people's protocols (their ids and figures): such a flag is for reviewers,
     * never for the volunteer who uploaded this one.
     */
    public static boolean namesOtherProtocols(Flag flag) {
        return CONFLICT.equals(flag.id());
    }

    /** The statuses of protocols that were read, the only ones these rules look at. */
    public static final Set<ProtocolStatus> READ = Set.copyOf(EnumSet.complementOf(EnumSet.of(ProtocolStatus.REJECTED)));

    private PrecinctAudit() {
    }

    /** The flags of each protocol that has any, by protocol id. Pass only protocols that were read (not REJECTED). */
    public static Map<Long, List<Flag>> flags(Collection<Sighting> protocols, Places places) {
        Map<Long, List<Flag>> flags = new HashMap<>();
        Map<String, List<Sighting>> byPrecinct = new LinkedHashMap<>();
        for (Sighting s : protocols) {
            String number = Precinct.normalize(s.precinct());
            if (number == null) {
                continue;
            }
            byPrecinct.computeIfAbsent(number, k -> new ArrayList<>()).add(s);
            if (!places.listed(number)) {
                flags.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new Flag(NOT_IN_LIST,
                        "precinct " + number + " is not in the imported precinct list"));
            }
        }
        for (Map.Entry<String, List<Sighting>> e : byPrecinct.entrySet()) {
            for (Sighting s : e.getValue()) {
                String differences = e.getValue().stream().filter(o -> o != s)
                        .map(o -> differences(s, o)).filter(Objects::nonNull)
                        .collect(Collectors.joining("; "));
                if (!differences.isEmpty()) {
                    flags.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(new Flag(CONFLICT,
                            "another protocol of precinct " + e.getKey() + " has other figures: " + differences));
                }
            }
        }
        return flags;
    }

    /**
     * How {@code other} differs from {@code s}, or null when they agree. An unread figure is no disagreement: a
     * second photo of the same sheet, less legible, must not look like a second sheet.
     */
    private static String differences(Sighting s, Sighting other) {
        List<String> diffs = new ArrayList<>();
        s.values().forEach((key, v) -> {
            Integer w = other.values().get(key);
            if (v != null && w != null && !v.equals(w)) {
                diffs.add(key + " " + v + " ≠ " + w);
            }
        });
        return diffs.isEmpty() ? null : other.uid() + " (" + String.join(", ", diffs) + ")";
    }
}
