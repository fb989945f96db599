package kz.hattama.stats;

import kz.hattama.export.SafeCsv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statistics as one long table for spreadsheets and scripts: a row per scope and area (total, region, district,
 * city, precinct) with votes and shares per party; a precinct's row lists its flags. Where official results were
 * imported, each scope adds the official minus the protocols per city ({@value #DIFFERENCE}, votes only) and in total
 * ({@value #DIFFERENCE_TOTAL}), and the observed precincts' protocols ({@value #OBSERVED_PROTOCOLS}) and official
 * results ({@value #OBSERVED_OFFICIAL}) beside the precincts nobody observed ({@value #NOT_OBSERVED}). The observers'
 * count comes first, scope {@value #OBSERVERS}: a row per figure, its number in the last column, {@code protocols}.
 */
public final class CsvReport implements StatsReport {

    static final String OBSERVERS = "observers";
    static final String DIFFERENCE = "official_minus_protocols";
    static final String DIFFERENCE_TOTAL = "official_minus_protocols_total";
    static final String OBSERVED_PROTOCOLS = "observed_protocols";
    static final String OBSERVED_OFFICIAL = "observed_official";
    static final String NOT_OBSERVED = "not_observed_official";

    @Override
    public void write(Statistics stats, Writer out) throws IOException {
        SafeCsv csv = new SafeCsv(out);
        List<String> header = new ArrayList<>(List.of("scope", "level", "name", "region", "district", "city",
                "precincts", "voters_total", "participated", "turnout_pct"));
        for (Statistics.Party p : stats.parties()) {
            header.add(p.key() + "_votes");
            header.add(p.key() + "_pct");
        }
        header.add("flags");
        header.add("protocols");
        csv.row(header);
        observers(csv, stats, header.size());
        for (Statistics.Scope scope : stats.scopes()) {
            Map<String, String> flags = scope.flagged().stream().filter(f -> f.precinct() != null)
                    .collect(Collectors.groupingBy(Statistics.FlaggedPrecinct::precinct,
                            Collectors.mapping(Statistics.FlaggedPrecinct::flag,
                                    Collectors.collectingAndThen(Collectors.toCollection(java.util.TreeSet::new),
                                            s -> String.join(";", s)))));
            print(csv, stats, scope, "total", List.of(scope.total()), Map.of());
            print(csv, stats, scope, "region", scope.regions(), Map.of());
            print(csv, stats, scope, "district", scope.districts(), Map.of());
            print(csv, stats, scope, "city", scope.cities(), Map.of());
            print(csv, stats, scope, "precinct", scope.precinctRows(), flags);
            Statistics.Official official = scope.official();
            if (official != null) {
                print(csv, stats, scope, DIFFERENCE, official.cityDifferences(), Map.of());
                print(csv, stats, scope, DIFFERENCE_TOTAL, List.of(official.totalDifference()), Map.of());
                print(csv, stats, scope, OBSERVED_PROTOCOLS, List.of(official.observedProtocols()), Map.of());
                print(csv, stats, scope, OBSERVED_OFFICIAL, List.of(official.observedOfficial()), Map.of());
                print(csv, stats, scope, NOT_OBSERVED, List.of(official.notObserved()), Map.of());
            }
        }
        csv.flush();
    }

    /** The observers' count: level received, accepted, rejected, each reason's id, unreadable:CODE, duplicates. */
    private static void observers(SafeCsv csv, Statistics stats, int columns) throws IOException {
        Statistics.Observers o = stats.observers();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("received", o.received());
        counts.put("accepted", o.accepted());
        counts.put("rejected", o.rejected());
        o.reasons().forEach((reason, n) -> {
            counts.put(reason.id(), n);
            if (reason == ObserverReason.UNREADABLE) {
                o.unreadable().forEach((code, m) -> counts.put(reason.id() + ":" + code, m));
            }
        });
        counts.put("duplicates", o.duplicates());
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            List<Object> row = new ArrayList<>(java.util.Collections.nCopies(columns, null));
            row.set(0, OBSERVERS);
            row.set(1, e.getKey());
            row.set(columns - 1, e.getValue());
            csv.row(row);
        }
    }

    private static void print(SafeCsv csv, Statistics stats, Statistics.Scope scope, String level,
                              List<Statistics.Area> areas, Map<String, String> flags) throws IOException {
        for (Statistics.Area a : areas) {
            List<Object> row = new ArrayList<>(List.of(scope.id(), level));
            row.add(a.name());
            row.add(a.region());
            row.add(a.district());
            row.add(a.city());
            row.add(a.precincts());
            row.add(a.votersTotal());
            row.add(a.participated());
            // A difference of sums is no turnout nor share.
            boolean shares = !level.startsWith(DIFFERENCE);
            row.add(shares ? pct(a.turnout()) : null);
            for (int i = 0; i < stats.parties().size(); i++) {
                row.add(a.votes().get(i));
                row.add(shares ? pct(a.share(i)) : null);
            }
            row.add(a.name() == null ? null : flags.get(a.name()));
            row.add(null);
            csv.row(row);
        }
    }

    /** Empty for null, unlike the tables' dash: a spreadsheet reads an empty cell as no number. */
    private static String pct(Double v) {
        return v == null ? null : Table.percent(v);
    }
}
