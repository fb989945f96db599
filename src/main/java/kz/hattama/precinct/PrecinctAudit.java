package kz.hattama.precinct;

import kz.hattama.protocol.Flag;
import kz.hattama.protocol.ProtocolStatus;
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
 * that disagree. Like the reconciler's flags these are signals for a person, not failed checks. They go by the
 * precinct number only where it is sure (VERIFIED or REVIEWED): a protocol whose number is unsure is listed apart as
 * {@code precinct_unsure}, never merged with another precinct's protocols nor looked up in the list.
 */
public final class PrecinctAudit {

    public static final String NOT_IN_LIST = "precinct_not_in_list";
    public static final String CONFLICT = "precinct_conflict";
    public static final String UNSURE = "precinct_unsure";

    /**
     * A read protocol as far as these rules care.
     *
     * @param precinct the number as read, sure or not
     * @param sure     whether the number may file the protocol under a precinct
     * @param values   the figures by field key, in form order; null where nothing was read
     */
    public record Sighting(long id, String uid, String precinct, boolean sure, Map<String, Integer> values) {

        public static Sighting of(StoredProtocol p) {
            Map<String, Integer> values = new LinkedHashMap<>();
            p.fields().forEach(f -> values.put(f.key(), f.value()));
            return new Sighting(p.id(), p.uid(), p.precinct(), !p.precinctUnsure(), values);
        }

        /** The number this protocol is filed under; null while it is unsure. */
        public String filedUnder() {
            return sure ? Precinct.normalize(precinct) : null;
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
            if (!s.sure()) {
                flags.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(unsure(s));
                continue;
            }
            String number = s.filedUnder();
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

    private static Flag unsure(Sighting s) {
        String read = Precinct.normalize(s.precinct());
        return new Flag(UNSURE, (read == null ? "precinct number not read" : "precinct number " + read + " is unsure")
                + ": not matched with other protocols or the precinct list until a reviewer confirms it");
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
