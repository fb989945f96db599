package kz.hattama.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import kz.hattama.protocol.ProtocolStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results as observers publish them, for the data as it stands and for the checked data only. Figures are sums
 * over precincts, one protocol per precinct; shares are of the voters who took part (the form's turnout numerator),
 * in percent.
 *
 * @param turnoutFlagPercent turnout above this is flagged (the form's turnout flag)
 * @param observers          the observers' count of what was received and what they would reject
 */
public record Statistics(Instant generatedAt, String form, String hattamaVersion, List<Party> parties,
                         double turnoutFlagPercent, List<Scope> scopes, Observers observers) {

    /** A party row: its field key and the name the tables show. */
    public record Party(String key, String name) {
    }

    /**
     * The statistics over the protocols of some statuses.
     *
     * @param id         {@link StatisticsService#ALL} or {@link StatisticsService#CLEAN}; the report names it in its
     *                   reader's language
     * @param protocols  read protocols of these statuses
     * @param precincts  precincts counted in the sums: one protocol each, with every figure the sums need
     * @param incomplete precincts left out because a figure the sums need was not read
     * @param failedChecks protocols by failed check id (a protocol counts once per check, however many fields fail it)
     * @param official   the counted precincts beside the official results; null where none were imported
     */
    public record Scope(String id, List<ProtocolStatus> statuses, int protocols, int precincts,
                        int incomplete, Area total, List<Area> regions, List<Area> districts, List<Area> cities,
                        List<Area> precinctRows, Histogram turnout, List<Point> scatter,
                        Map<String, Integer> failedChecks, List<FlaggedPrecinct> flagged, Official official) {
    }

    /**
     * The protocols set beside the official results. Differences are official minus protocol, summed over the precincts
     * that have both a counted protocol and an official line: an {@link Area} whose figures are those differences.
     * Observed precincts are those; not observed are the official lines of precincts from which no protocol was read
     * at all (whatever its status), whose turnout and shares show what the observers' precincts would look like had
     * nobody been watching.
     *
     * @param cityDifferences   per city, in the order of {@link Scope#cities()}
     * @param totalDifference   over every precinct with both
     * @param observedProtocols the protocols' figures summed over the precincts with both
     * @param observedOfficial  the official figures summed over the same precincts
     * @param notObserved       the official figures summed over the precincts without a protocol
     */
    public record Official(List<Area> cityDifferences, Area totalDifference, Area observedProtocols,
                           Area observedOfficial, Area notObserved) {
    }

    /**
     * What observers count as they receive protocols, as a federation's report gives it: how many came in, and how
     * many they reject and why. A protocol rejected for two reasons counts once among the rejected and under each
     * reason. A second copy of a file already received ({@code DUPLICATE}) is not received again.
     *
     * @param received    files and pages that came in, copies of earlier files left out
     * @param duplicates  copies of files already received
     * @param rejected    received protocols with at least one reason
     * @param reasons     protocols per reason, every reason listed, in the order of {@link ObserverReason}
     * @param unreadable  the unreadable by rejection code, most first
     */
    public record Observers(int received, int duplicates, int rejected, Map<ObserverReason, Integer> reasons,
                            Map<String, Integer> unreadable) {

        public int accepted() {
            return received - rejected;
        }
    }

    /**
     * Sums over the precincts of an area (or one precinct). {@code name} is what the row is called; the place columns
     * say where it lies, as far as known (null where unknown).
     *
     * @param votes    per party, in the order of {@link Statistics#parties()}
     * @param protocol the protocol a precinct's row counts; null on a sum over precincts
     */
    public record Area(String name, String region, String district, String city, int precincts, long votersTotal,
                       long participated, List<Long> votes, ProtocolRef protocol) {

        /** Percent of registered voters who took part; null without registered voters. */
        public Double turnout() {
            return votersTotal == 0 ? null : 100.0 * participated / votersTotal;
        }

        /** Percent of participants who voted for party {@code i}; null without participants. */
        public Double share(int i) {
            return participated == 0 ? null : 100.0 * votes.get(i) / participated;
        }

        @JsonIgnore
        public int leadingParty() {
            int lead = 0;
            for (int i = 1; i < votes.size(); i++) {
                if (votes.get(i) > votes.get(lead)) {
                    lead = i;
                }
            }
            return lead;
        }
    }

    /** Precincts by turnout, in bars {@code from} ≤ turnout < {@code to} (the last bar below 100 % includes 100 %). */
    public record Histogram(double binWidth, List<Bin> bins) {
        public record Bin(double from, double to, int precincts) {
        }
    }

    /** One precinct on the turnout-against-leader scatter. */
    public record Point(String precinct, String city, double turnout, double leadingShare, String leadingParty) {
    }

    /** A stored protocol by its id (what the review page is keyed by), and the ids of the checks it failed. */
    public record ProtocolRef(long id, Set<String> failedChecks) {
    }

    /**
     * A signal worth a person's look: turnout over the threshold, figures like another precinct's, round shares …
     *
     * @param protocolId the protocol that raised it, for a person to open
     */
    public record FlaggedPrecinct(String precinct, String city, String flag, String detail, long protocolId) {
    }

    public Scope scope(String id) {
        return scopes.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scope " + id));
    }
}
