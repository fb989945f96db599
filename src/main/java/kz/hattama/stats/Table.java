package kz.hattama.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A table of the report as text cells, built once for the text and the HTML renderings so that both show the same
 * figures. The first {@code labelColumns} columns are names (left-aligned), the rest figures.
 *
 * @param protocols per row, the protocol a person should open from it, or null: only a page served by the app can
 *                  link there
 */
record Table(String title, List<String> header, List<List<String>> rows, int labelColumns, List<Long> protocols) {

    Table(String title, List<String> header, List<List<String>> rows, int labelColumns) {
        this(title, header, rows, labelColumns, Collections.nCopies(rows.size(), null));
    }

    static final String UNKNOWN = "—";

    /** The table observers publish: a row per party, a column per city, shares in percent; then the total. */
    static Table byCity(Statistics stats, Statistics.Scope scope) {
        List<Statistics.Area> columns = new ArrayList<>(scope.cities());
        columns.add(scope.total());
        List<String> header = new ArrayList<>(List.of(""));
        columns.forEach(a -> header.add(name(a.name(), "city unknown")));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row("Precincts", columns, a -> Integer.toString(a.precincts())));
        rows.add(row("Registered voters", columns, a -> Long.toString(a.votersTotal())));
        rows.add(row("Took part", columns, a -> Long.toString(a.participated())));
        rows.add(row("Turnout, %", columns, a -> percent(a.turnout())));
        for (int i = 0; i < stats.parties().size(); i++) {
            int party = i;
            rows.add(row(stats.parties().get(i).name() + ", %", columns, a -> percent(a.share(party))));
        }
        return new Table("Results by city, % of voters who took part", header, rows, 1);
    }

    private static List<String> row(String label, List<Statistics.Area> columns, Function<Statistics.Area, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        columns.forEach(a -> row.add(cell.apply(a)));
        return row;
    }

    /** A place column of an area table: its heading and how to read it off a row. */
    record PlaceColumn(String heading, Function<Statistics.Area, String> value) {
        static final PlaceColumn REGION = new PlaceColumn("Region", Statistics.Area::region);
        static final PlaceColumn DISTRICT = new PlaceColumn("District", Statistics.Area::district);
        static final PlaceColumn CITY = new PlaceColumn("City", Statistics.Area::city);
        static final PlaceColumn PRECINCT = new PlaceColumn("Precinct", Statistics.Area::name);
    }

    /** Areas as rows: where they are, then precincts, voters, turnout and each party's share. */
    static Table areas(String title, Statistics stats, List<Statistics.Area> areas, PlaceColumn... place) {
        List<String> header = new ArrayList<>();
        for (PlaceColumn c : place) {
            header.add(c.heading());
        }
        header.addAll(List.of("Precincts", "Registered voters", "Took part", "Turnout, %"));
        stats.parties().forEach(p -> header.add(p.name() + ", %"));
        List<List<String>> rows = new ArrayList<>();
        List<Long> protocols = new ArrayList<>();
        for (Statistics.Area a : areas) {
            // A precinct that passed every check needs nobody's look; one that failed one does.
            Statistics.ProtocolRef p = a.protocol();
            protocols.add(p == null || p.failedChecks().isEmpty() ? null : p.id());
            List<String> row = new ArrayList<>();
            for (PlaceColumn c : place) {
                row.add(name(c.value().apply(a), UNKNOWN));
            }
            row.addAll(List.of(Integer.toString(a.precincts()), Long.toString(a.votersTotal()),
                    Long.toString(a.participated()), percent(a.turnout())));
            for (int i = 0; i < stats.parties().size(); i++) {
                row.add(percent(a.share(i)));
            }
            rows.add(row);
        }
        return new Table(title, header, rows, place.length, protocols);
    }

    static Table failedChecks(Statistics.Scope scope) {
        List<List<String>> rows = new ArrayList<>();
        scope.failedChecks().forEach((check, n) -> rows.add(List.of(check, Integer.toString(n))));
        return new Table("Protocols by failed check", List.of("Check", "Protocols"), rows, 1);
    }

    static Table flagged(Statistics.Scope scope) {
        List<List<String>> rows = new ArrayList<>();
        List<Long> protocols = new ArrayList<>();
        for (Statistics.FlaggedPrecinct f : scope.flagged()) {
            rows.add(List.of(name(f.precinct(), UNKNOWN), name(f.city(), UNKNOWN), f.flag(), f.detail()));
            protocols.add(f.protocolId());
        }
        return new Table("Flagged precincts", List.of("Precinct", "City", "Flag", "Detail"), rows, 4, protocols);
    }

    static Table histogram(Statistics.Scope scope) {
        List<List<String>> rows = new ArrayList<>();
        for (Statistics.Histogram.Bin b : scope.turnout().bins()) {
            rows.add(List.of(band(b), Integer.toString(b.precincts())));
        }
        return new Table("Turnout distribution", List.of("Turnout, %", "Precincts"), rows, 1);
    }

    /** All the tables of one scope. */
    record Set(Table byCity, Table regions, Table districts, Table precincts, Table histogram, Table failedChecks,
               Table flagged) {

        /** In the order the text report shows them. */
        List<Table> all() {
            return List.of(byCity, regions, districts, precincts, histogram, failedChecks, flagged);
        }
    }

    static Set of(Statistics stats, Statistics.Scope scope) {
        return new Set(byCity(stats, scope),
                areas("By region", stats, scope.regions(), PlaceColumn.REGION),
                areas("By district", stats, scope.districts(), PlaceColumn.REGION, PlaceColumn.DISTRICT),
                areas("By precinct", stats, scope.precinctRows(), PlaceColumn.PRECINCT, PlaceColumn.REGION,
                        PlaceColumn.DISTRICT, PlaceColumn.CITY),
                histogram(scope), failedChecks(scope), flagged(scope));
    }

    /** What a scope counts, in one sentence. */
    static String summary(Statistics.Scope scope) {
        return scope.protocols() + " protocols (" + scope.statuses().stream().map(Enum::name)
                .collect(java.util.stream.Collectors.joining(", ")) + "); " + scope.precincts()
                + " precincts counted, one protocol each" + (scope.incomplete() == 0 ? ""
                : "; " + scope.incomplete() + " left out because a figure was not read") + ".";
    }

    static String band(Statistics.Histogram.Bin b) {
        return number(b.from()) + "–" + number(b.to());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String percent(Double v) {
        return v == null ? UNKNOWN : String.format(Locale.ROOT, "%.2f", v);
    }

    static String name(String n, String unknown) {
        return n == null ? unknown : n;
    }
}
