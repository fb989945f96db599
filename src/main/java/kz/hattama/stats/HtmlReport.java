package kz.hattama.stats;

import kz.hattama.export.Json;
import kz.hattama.render.Templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;


/**
 * The statistics as one HTML file that opens from disk without a server or network: styles, data and Chart.js (from
 * npm, bundled by the build) are inside it. Each chart canvas gets {@code data-points} (what the data holds) and,
 * once Chart.js has drawn it, {@code data-rendered-points}, so a headless browser can tell that it rendered. The web
 * app's results page embeds the same report ({@link #body}, {@link #style}) in its own layout. The markup is the
 * template {@code templates/reports/stats.html}; its styles and script are {@code report*.css} and {@code report.js}
 * beside this class.
 */
public final class HtmlReport implements StatsReport {

    static final String CHART_JS = "vendor/dist/chart.umd.js";
    private static final String TEMPLATE = "reports/stats";
    /** The report's look; every rule is under {@link #WRAPPER}. */
    private static final String STYLE = "report.css";
    /** The standalone file's page around the report. */
    private static final String PAGE_STYLE = "report-page.css";
    /** Draws the charts from the embedded data. */
    private static final String SCRIPT = "report.js";

    /** The class of the element the report's markup sits in; its styles apply inside it only. */
    public static final String WRAPPER = "stats-report";

    private final ReportTexts texts;

    /** Turns a protocol id into the address of its review page; null where there is no server to open it on. */
    private final LongFunction<String> reviewHref;

    /** A check's and a flag's name for its id, in the reader's language; the id itself where none is given. */
    private final UnaryOperator<String> checkName;
    private final UnaryOperator<String> flagName;

    /** The standalone file in English. */
    public HtmlReport() {
        this(ReportTexts.ENGLISH);
    }

    /** The standalone file: it opens from disk, so nothing in it links to the app. */
    public HtmlReport(ReportTexts texts) {
        this(texts, null);
    }

    private HtmlReport(ReportTexts texts, LongFunction<String> reviewHref) {
        this(texts, reviewHref, UnaryOperator.identity(), UnaryOperator.identity());
    }

    private HtmlReport(ReportTexts texts, LongFunction<String> reviewHref, UnaryOperator<String> checkName,
                       UnaryOperator<String> flagName) {
        this.texts = texts;
        this.reviewHref = reviewHref;
        this.checkName = checkName;
        this.flagName = flagName;
    }

    /** For a page of the web app: flagged precincts and precincts with failed checks link to their review page. */
    public HtmlReport linkingTo(LongFunction<String> reviewHref) {
        return new HtmlReport(texts, reviewHref, checkName, flagName);
    }

    /**
     * Checks and flags by their names rather than their ids (the file keeps the ids, which a reader matches with the
     * export; a person on the web page reads names).
     */
    public HtmlReport naming(UnaryOperator<String> checkName, UnaryOperator<String> flagName) {
        return new HtmlReport(texts, reviewHref, checkName, flagName);
    }

    @Override
    public void write(Statistics stats, Writer out) throws IOException {
        Map<String, Object> page = report(stats);
        page.put("title", texts.get("page.title", stats.form()));
        page.put("heading", texts.get("title"));
        page.put("about", about(stats));
        page.put("style", resource(PAGE_STYLE) + style());
        out.write(Templates.render(TEMPLATE, page));
        out.flush();
    }

    /** The styles {@link #body} needs, for the head of the page it goes into. */
    public static String style() throws IOException {
        return resource(STYLE);
    }

    /** Which data the report is of and how to read its shares, in one line. */
    public String about(Statistics stats) {
        return texts.get("about", stats.form(), texts.moment(stats.generatedAt()), stats.hattamaVersion());
    }

    /**
     * The report without a document around it: the scopes' tables and charts inside an element of class
     * {@link #WRAPPER}, then the data, Chart.js and the script that draws the charts.
     */
    public String body(Statistics stats) throws IOException {
        return Templates.render(TEMPLATE, "report", report(stats));
    }

    /** A cell: a name (left-aligned) or a figure; {@code href} links it to a review page, else null. */
    public record Cell(String text, boolean label, String href) {
    }

    /** A table as the template shows it; {@code empty} is what it says when there are no rows. */
    public record TableView(String title, List<String> header, List<List<Cell>> rows, String empty) {
    }

    /** A chart's canvas: its element id, its caption and how many points the data gives it. */
    public record Chart(String id, String caption, int points) {
    }

    /** A scope's part of the report: the city table, the charts, the short tables, then the long ones folded. */
    public record ScopeView(String id, String title, String summary, TableView byCity, List<Chart> charts,
                            List<TableView> tables, List<TableView> folded) {
    }

    /** The template's variables for the report itself, the same for the file and the web page. */
    private Map<String, Object> report(Statistics stats) throws IOException {
        List<ScopeView> scopes = new ArrayList<>();
        for (Statistics.Scope s : stats.scopes()) {
            Table.Set tables = Table.of(stats, s, texts);
            List<Chart> charts = List.of(
                    new Chart("turnout-" + s.id(), texts.get("chart.turnout",
                            Table.percent(s.turnout().binWidth()).replaceAll("\\.?0+$", "")), s.turnout().bins().size()),
                    new Chart("scatter-" + s.id(), texts.get("chart.scatter"), s.scatter().size()));
            List<TableView> shown = new ArrayList<>();
            if (tables.officialDifference() != null) {
                shown.add(view(tables.officialDifference()));
                shown.add(view(tables.observed()));
            }
            shown.add(view(tables.failedChecks().naming(0, checkName)));
            shown.add(view(tables.flagged().naming(2, flagName)));
            shown.add(view(impossible(s)));
            scopes.add(new ScopeView(s.id(), texts.scopeTitle(s), Table.summary(s, texts), view(tables.byCity()), charts,
                    shown,
                    List.of(view(tables.regions()), view(tables.districts()), view(tables.precincts()),
                            view(tables.histogram()))));
        }
        Map<String, Object> report = new HashMap<>();
        report.put("lang", texts.language());
        report.put("scopes", scopes);
        report.put("observers", view(Table.observers(stats, texts)));
        report.put("data", scriptSafe(Json.MAPPER.writeValueAsString(chartData(stats, texts))));
        report.put("chartJs", scriptSafe(chartJs()));
        report.put("script", resource(SCRIPT));
        return report;
    }

    private TableView view(Table t) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            Long protocol = t.protocols().get(r);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                String href = i == 0 && protocol != null && reviewHref != null ? reviewHref.apply(protocol) : null;
                cells.add(new Cell(row.get(i), i < t.labelColumns(), href));
            }
            rows.add(cells);
        }
        return new TableView(t.title(), t.header(), rows, texts.get("empty.html"));
    }

    /**
     * A figure no protocol can hold (more took part than are registered, a party with more votes than took part): a
     * misread or a broken protocol. Kept out of the charts, whose axes it would stretch past sense, and listed here.
     */
    static boolean impossible(Statistics.Area a) {
        if (a.turnout() != null && a.turnout() > 100) {
            return true;
        }
        for (int i = 0; i < a.votes().size(); i++) {
            if (a.share(i) != null && a.share(i) > 100) {
                return true;
            }
        }
        return false;
    }

    private Table impossible(Statistics.Scope s) {
        List<List<String>> rows = new ArrayList<>();
        List<Long> protocols = new ArrayList<>();
        for (Statistics.Area a : s.precinctRows()) {
            if (impossible(a)) {
                rows.add(List.of(Table.name(a.name(), Table.UNKNOWN), Table.name(a.city(), Table.UNKNOWN),
                        Table.percent(a.turnout()), Table.percent(a.share(a.leadingParty()))));
                protocols.add(a.protocol() == null ? null : a.protocol().id());
            }
        }
        return new Table(texts.get("table.impossible"), List.of(texts.get("column.precinct"), texts.get("column.city"),
                texts.get("row.turnout"), texts.get("chart.axis.share")), rows, 2, protocols);
    }

    /**
     * What the charts draw, per scope: the histogram's bars and the scatter's points grouped by leading party; and
     * the words the charts write on their axes, legends and tooltips.
     */
    static Map<String, Object> chartData(Statistics stats, ReportTexts texts) {
        List<Map<String, Object>> scopes = new ArrayList<>();
        for (Statistics.Scope s : stats.scopes()) {
            Map<String, Object> histogram = new LinkedHashMap<>();
            // Bars past 100 % hold impossible turnouts only: they are listed apart, not drawn.
            List<Statistics.Histogram.Bin> bins = s.turnout().bins().stream().filter(b -> b.from() < 100).toList();
            histogram.put("labels", bins.stream().map(Table::band).toList());
            histogram.put("counts", bins.stream().map(Statistics.Histogram.Bin::precincts).toList());
            histogram.put("over", bins.stream().map(b -> b.from() >= stats.turnoutFlagPercent()).toList());
            Map<String, List<Map<String, Object>>> byLeader = new LinkedHashMap<>();
            stats.parties().forEach(p -> byLeader.put(p.key(), new ArrayList<>()));
            // A misread or broken protocol can show more than 100 %: it is listed apart (impossible figures), and the
            // axes stay at 0–100 % for the precincts that can be compared.
            double maxTurnout = 0;
            double maxShare = 0;
            for (Statistics.Point p : s.scatter()) {
                if (p.turnout() > 100 || p.leadingShare() > 100) {
                    continue;
                }
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("x", p.turnout());
                point.put("y", p.leadingShare());
                // The tooltip names the precinct; one whose number was not read is named as the tables name it.
                point.put("precinct", Table.name(p.precinct(), Table.UNKNOWN));
                point.put("city", p.city());
                byLeader.get(p.leadingParty()).add(point);
                maxTurnout = Math.max(maxTurnout, p.turnout());
                maxShare = Math.max(maxShare, p.leadingShare());
            }
            List<Map<String, Object>> scatter = new ArrayList<>();
            for (Statistics.Party party : stats.parties()) {
                if (!byLeader.get(party.key()).isEmpty()) {
                    scatter.add(Map.of("party", party.name(), "points", byLeader.get(party.key())));
                }
            }
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("id", s.id());
            scope.put("histogram", histogram);
            scope.put("scatter", scatter);
            scope.put("maxTurnout", Math.ceil(maxTurnout));
            scope.put("maxShare", Math.ceil(maxShare));
            scopes.add(scope);
        }
        return Map.of("scopes", scopes, "texts", Map.of("precincts", texts.get("row.precincts"),
                "turnout", texts.get("row.turnout"), "share", texts.get("chart.axis.share"),
                "leader", texts.get("chart.leader"), "tooltip", texts.get("chart.tooltip")));
    }

    /** Text inside a script element ends at the first "</script": JSON and JavaScript both accept "<\/" instead. */
    private static String scriptSafe(String code) {
        return code.replace("</", "<\\/");
    }

    static String chartJs() throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js is missing from the classpath (" + CHART_JS
                        + "); the Maven build puts it there: run mvn process-resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
