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
 * city, precinct) with votes and shares per party; a precinct's row lists its flags.
 */
public final class CsvReport implements StatsReport {

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
        csv.row(header);
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
        }
        csv.flush();
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
            row.add(pct(a.turnout()));
            for (int i = 0; i < stats.parties().size(); i++) {
                row.add(a.votes().get(i));
                row.add(pct(a.share(i)));
            }
            row.add(a.name() == null ? null : flags.get(a.name()));
            csv.row(row);
        }
    }

    /** Empty for null, unlike the tables' dash: a spreadsheet reads an empty cell as no number. */
    private static String pct(Double v) {
        return v == null ? null : Table.percent(v);
    }
}
