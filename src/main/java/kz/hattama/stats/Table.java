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

    /** The same table with the codes in {@code column} replaced by their names. */
    Table naming(int column, java.util.function.UnaryOperator<String> name) {
        List<List<String>> named = rows.stream().map(r -> {
            List<String> row = new ArrayList<>(r);
            row.set(column, name.apply(row.get(column)));
            return List.copyOf(row);
        }).toList();
        return new Table(title, header, named, labelColumns, protocols);
    }

    /** The table observers publish: a row per party, a column per city, shares in percent; then the total. */
    static Table byCity(Statistics stats, Statistics.Scope scope, ReportTexts texts) {
        List<Statistics.Area> columns = new ArrayList<>(scope.cities());
        columns.add(scope.total());
        List<String> header = new ArrayList<>(List.of(""));
        scope.cities().forEach(a -> header.add(name(a.name(), texts.get("column.city_unknown"))));
        header.add(texts.get("column.total"));
        List<List<String>> rows = turnoutAndShares(stats, columns, texts);
        return new Table(texts.get("table.by_city"), header, rows, 1);
    }

    /** Precincts, voters, participants, turnout and each party's share: a row each, a column per area. */
    private static List<List<String>> turnoutAndShares(Statistics stats, List<Statistics.Area> columns, ReportTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(texts.get("row.precincts"), columns, a -> Integer.toString(a.precincts())));
        rows.add(row(texts.get("row.voters"), columns, a -> Long.toString(a.votersTotal())));
        rows.add(row(texts.get("row.took_part"), columns, a -> Long.toString(a.participated())));
        rows.add(row(texts.get("row.turnout"), columns, a -> percent(a.turnout())));
        for (int i = 0; i < stats.parties().size(); i++) {
            int party = i;
            rows.add(row(stats.parties().get(i).name() + ", %", columns, a -> percent(a.share(party))));
        }
        return rows;
    }

    /**
     * Official results minus the protocols, in votes: a row per party (and the precincts, voters and participants
     * before them), a column per city, then the total; over the precincts that have both.
     */
    static Table officialDifference(Statistics stats, Statistics.Official official, ReportTexts texts) {
        List<Statistics.Area> columns = new ArrayList<>(official.cityDifferences());
        columns.add(official.totalDifference());
        List<String> header = new ArrayList<>(List.of(""));
        official.cityDifferences().forEach(a -> header.add(name(a.name(), texts.get("column.city_unknown"))));
        header.add(texts.get("column.total"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(row(texts.get("row.precincts_with_both"), columns, a -> Integer.toString(a.precincts())));
        rows.add(row(texts.get("row.voters"), columns, a -> signed(a.votersTotal())));
        rows.add(row(texts.get("row.took_part"), columns, a -> signed(a.participated())));
        for (int i = 0; i < stats.parties().size(); i++) {
            int party = i;
            rows.add(row(stats.parties().get(i).name(), columns, a -> signed(a.votes().get(party))));
        }
        return new Table(texts.get("table.official_difference"), header, rows, 1);
    }

    /**
     * Observed precincts (a protocol and an official line) against precincts with an official line only: turnout and
     * each party's share side by side, the observed ones both as their protocols and as the official results say.
     */
    static Table observed(Statistics stats, Statistics.Official official, ReportTexts texts) {
        List<Statistics.Area> columns = List.of(official.observedProtocols(), official.observedOfficial(),
                official.notObserved());
        List<String> header = List.of("", texts.get("column.observed_protocols"), texts.get("column.observed_official"),
                texts.get("column.not_observed_official"));
        List<List<String>> rows = turnoutAndShares(stats, columns, texts);
        return new Table(texts.get("table.observed"), header, rows, 1);
    }

    /**
     * The observers' count: received, accepted, rejected, and the rejected by reason (a protocol may have several), the
     * unreadable by Hattama's rejection code.
     */
    static Table observers(Statistics stats, ReportTexts texts) {
        Statistics.Observers o = stats.observers();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(texts.get("observers.received"), Integer.toString(o.received())));
        rows.add(List.of(texts.get("observers.accepted"), Integer.toString(o.accepted())));
        rows.add(List.of(texts.get("observers.rejected"), Integer.toString(o.rejected())));
        o.reasons().forEach((reason, n) -> {
            rows.add(List.of(texts.get("observers." + reason.id(), number(stats.turnoutFlagPercent())),
                    Integer.toString(n)));
            if (reason == ObserverReason.UNREADABLE) {
                o.unreadable().forEach((code, m) -> rows.add(List.of("· " + code, Integer.toString(m))));
            }
        });
        rows.add(List.of(texts.get("observers.duplicates"), Integer.toString(o.duplicates())));
        return new Table(texts.get("table.observers"), List.of("", texts.get("column.protocols")), rows, 1);
    }

    /** A difference with its sign: +22, -5, 0. */
    static String signed(long v) {
        return v > 0 ? "+" + v : Long.toString(v);
    }

    private static List<String> row(String label, List<Statistics.Area> columns, Function<Statistics.Area, String> cell) {
        List<String> row = new ArrayList<>(List.of(label));
        columns.forEach(a -> row.add(cell.apply(a)));
        return row;
    }

    /** A place column of an area table: the key of its heading and how to read it off a row. */
    record PlaceColumn(String headingKey, Function<Statistics.Area, String> value) {
        static final PlaceColumn REGION = new PlaceColumn("column.region", Statistics.Area::region);
        static final PlaceColumn DISTRICT = new PlaceColumn("column.district", Statistics.Area::district);
        static final PlaceColumn CITY = new PlaceColumn("column.city", Statistics.Area::city);
        static final PlaceColumn PRECINCT = new PlaceColumn("column.precinct", Statistics.Area::name);
    }

    /** Areas as rows: where they are, then precincts, voters, turnout and each party's share. */
    static Table areas(String titleKey, Statistics stats, List<Statistics.Area> areas, ReportTexts texts,
                       PlaceColumn... place) {
        List<String> header = new ArrayList<>();
        for (PlaceColumn c : place) {
            header.add(texts.get(c.headingKey()));
        }
        for (String key : List.of("row.precincts", "row.voters", "row.took_part", "row.turnout")) {
            header.add(texts.get(key));
        }
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
        return new Table(texts.get(titleKey), header, rows, place.length, protocols);
    }

    static Table failedChecks(Statistics.Scope scope, ReportTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        scope.failedChecks().forEach((check, n) -> rows.add(List.of(check, Integer.toString(n))));
        return new Table(texts.get("table.failed_checks"),
                List.of(texts.get("column.check"), texts.get("column.protocols")), rows, 1);
    }

    static Table flagged(Statistics.Scope scope, ReportTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        List<Long> protocols = new ArrayList<>();
        for (Statistics.FlaggedPrecinct f : scope.flagged()) {
            rows.add(List.of(name(f.precinct(), UNKNOWN), name(f.city(), UNKNOWN), f.flag(), name(f.detail(), "")));
            protocols.add(f.protocolId());
        }
        return new Table(texts.get("table.flagged"), List.of(texts.get("column.precinct"), texts.get("column.city"),
                texts.get("column.flag"), texts.get("column.detail")), rows, 4, protocols);
    }

    static Table histogram(Statistics.Scope scope, ReportTexts texts) {
        List<List<String>> rows = new ArrayList<>();
        for (Statistics.Histogram.Bin b : scope.turnout().bins()) {
            rows.add(List.of(band(b), Integer.toString(b.precincts())));
        }
        return new Table(texts.get("table.histogram"),
                List.of(texts.get("row.turnout"), texts.get("row.precincts")), rows, 1);
    }

    /**
     * All the tables of one scope; {@code officialDifference} and {@code observed} are null where no official results
     * were imported.
     */
    record Set(Table byCity, Table regions, Table districts, Table precincts, Table histogram, Table failedChecks,
               Table flagged, Table officialDifference, Table observed) {

        /** In the order the text report shows them. */
        List<Table> all() {
            return java.util.stream.Stream.of(byCity, officialDifference, observed, regions, districts, precincts,
                    histogram, failedChecks, flagged).filter(java.util.Objects::nonNull).toList();
        }
    }

    static Set of(Statistics stats, Statistics.Scope scope, ReportTexts texts) {
        Statistics.Official official = scope.official();
        return new Set(byCity(stats, scope, texts),
                areas("table.by_region", stats, scope.regions(), texts, PlaceColumn.REGION),
                areas("table.by_district", stats, scope.districts(), texts, PlaceColumn.REGION, PlaceColumn.DISTRICT),
                areas("table.by_precinct", stats, scope.precinctRows(), texts, PlaceColumn.PRECINCT,
                        PlaceColumn.REGION, PlaceColumn.DISTRICT, PlaceColumn.CITY),
                histogram(scope, texts), failedChecks(scope, texts), flagged(scope, texts),
                official == null ? null : officialDifference(stats, official, texts),
                official == null ? null : observed(stats, official, texts));
    }

    /** What a scope counts, in one sentence. */
    static String summary(Statistics.Scope scope, ReportTexts texts) {
        return texts.get("summary", scope.protocols(), scope.statuses().stream().map(texts::status)
                        .collect(java.util.stream.Collectors.joining(", ")), scope.precincts(),
                scope.incomplete() == 0 ? "" : texts.get("summary.incomplete", scope.incomplete()));
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
