package kz.hattama.stats;

import kz.hattama.export.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

/**
 * The statistics as one HTML file that opens from disk without a server or network: styles, data and Chart.js (from
 * npm, bundled by the build) are inside it. Each chart canvas gets {@code data-points} (what the data holds) and,
 * once Chart.js has drawn it, {@code data-rendered-points}, so a headless browser can tell that it rendered. The web
 * app's results page embeds the same report ({@link #body}, {@link #style}) in its own layout.
 */
public final class HtmlReport implements StatsReport {

    static final String CHART_JS = "vendor/dist/chart.umd.js";

    /** The class of the element the report's markup sits in; its styles apply inside it only. */
    public static final String WRAPPER = "stats-report";

    /**
     * The report's look. Every rule is under {@link #WRAPPER}, so that a page of the web app which embeds the report
     * keeps its own look around it.
     */
    private static final String STYLE = """
            .stats-report nav{padding:8px 28px;background:#e8edf3}.stats-report nav a{margin-right:18px;color:#17324d}
            .stats-report section.scope{padding:8px 28px 28px;border-bottom:4px solid #d5dbe3}
            .stats-report h2{margin:18px 0 4px}.stats-report h3{margin:22px 0 8px;font-size:16px}
            .stats-report table{border-collapse:collapse;background:#fff;margin:4px 0 8px;font-variant-numeric:tabular-nums;width:auto}
            .stats-report th,.stats-report td{border:1px solid #d5dbe3;padding:3px 8px}
            .stats-report th{background:#eef2f6;font-weight:600;text-align:center;text-transform:none;letter-spacing:normal;font-size:inherit;color:inherit}
            .stats-report td.num{text-align:right}.stats-report td.label{text-align:left;white-space:nowrap}
            .stats-report tbody tr:nth-child(even){background:#fafbfc}
            .stats-report .charts{display:flex;flex-wrap:wrap;gap:18px}
            .stats-report figure{margin:0;background:#fff;border:1px solid #d5dbe3;padding:10px;width:520px}
            .stats-report figure .chart{position:relative;height:300px}.stats-report figcaption{font-weight:600;margin-bottom:6px}
            .stats-report details{margin:8px 0}.stats-report summary{cursor:pointer;font-weight:600}
            .stats-report .none{color:#6b7280;font-style:italic}.stats-report .summary{color:#374151}
            """;

    /** The standalone file's page around the report; a page of the web app has its own. */
    private static final String PAGE_STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
            header{background:#17324d;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
            header p{margin:0;opacity:.85}
            """;

    /** Builds the charts from the embedded data; marks each canvas with the points Chart.js actually drew. */
    private static final String SCRIPT = """
            (function () {
              var data = JSON.parse(document.getElementById('stats-data').textContent);
              if (typeof Chart === 'undefined') { document.body.dataset.chartsError = 'Chart.js did not load'; return; }
              Chart.defaults.animation = false;
              var texts = data.texts;
              // The report's wording arrives with {0}, {1} … in it, as ReportTexts fills them in Java.
              function fill(text, args) {
                return text.replace(/\\{(\\d+)\\}/g, function (m, i) { return args[i]; });
              }
              var colors = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
              function drawn(canvas, chart) {
                var n = 0;
                chart.data.datasets.forEach(function (d, i) { n += chart.getDatasetMeta(i).data.length; });
                canvas.dataset.renderedPoints = String(n);
              }
              data.scopes.forEach(function (s) {
                var h = document.getElementById('turnout-' + s.id);
                drawn(h, new Chart(h, {type: 'bar',
                  data: {labels: s.histogram.labels, datasets: [{label: texts.precincts, data: s.histogram.counts,
                         backgroundColor: s.histogram.over.map(function (o) { return o ? '#d62728' : '#4e79a7'; })}]},
                  options: {maintainAspectRatio: false, plugins: {legend: {display: false}},
                    scales: {x: {title: {display: true, text: texts.turnout}},
                             y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: texts.precincts}}}}}));
                var c = document.getElementById('scatter-' + s.id);
                drawn(c, new Chart(c, {type: 'scatter',
                  data: {datasets: s.scatter.map(function (d, i) {
                    return {label: fill(texts.leader, [d.party]), data: d.points, backgroundColor: colors[i % colors.length], pointRadius: 4};
                  })},
                  options: {maintainAspectRatio: false,
                    scales: {x: {min: 0, max: Math.max(100, s.maxTurnout), title: {display: true, text: texts.turnout}},
                             y: {min: 0, max: Math.max(100, s.maxShare), title: {display: true, text: texts.share}}},
                    plugins: {tooltip: {callbacks: {label: function (ctx) {
                      var p = ctx.raw;
                      return fill(texts.tooltip, [p.precinct, p.city ? ', ' + p.city : '', p.x.toFixed(1), p.y.toFixed(1)]);
                    }}}}}}));
              });
              document.body.dataset.chartsReady = 'true';
            })();
            """;

    private final ReportTexts texts;

    /** Turns a protocol id into the address of its review page; null where there is no server to open it on. */
    private final LongFunction<String> reviewHref;

    /** The standalone file in English. */
    public HtmlReport() {
        this(ReportTexts.ENGLISH);
    }

    /** The standalone file: it opens from disk, so nothing in it links to the app. */
    public HtmlReport(ReportTexts texts) {
        this(texts, null);
    }

    private HtmlReport(ReportTexts texts, LongFunction<String> reviewHref) {
        this.texts = texts;
        this.reviewHref = reviewHref;
    }

    /** For a page of the web app: flagged precincts and precincts with failed checks link to their review page. */
    public HtmlReport linkingTo(LongFunction<String> reviewHref) {
        return new HtmlReport(texts, reviewHref);
    }

    @Override
    public void write(Statistics stats, Writer out) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(texts.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(texts.get("page.title", stats.form()))).append("</title>\n")
                .append("<style>").append(PAGE_STYLE).append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header><h1>").append(esc(texts.get("title"))).append("</h1><p>").append(esc(about(stats)))
                .append("</p></header>\n")
                .append(body(stats)).append("</body>\n</html>\n");
        out.write(html.toString());
        out.flush();
    }

    /** The styles {@link #body} needs, for the head of the page it goes into. */
    public static String style() {
        return STYLE;
    }

    /** Which data the report is of and how to read its shares, in one line. */
    public String about(Statistics stats) {
        return texts.get("about", stats.form(), stats.generatedAt(), stats.hattamaVersion());
    }

    /**
     * The report without a document around it: the scopes' tables and charts inside an element of class
     * {@link #WRAPPER}, then the data, Chart.js and the script that draws the charts.
     */
    public String body(Statistics stats) throws IOException {
        StringBuilder html = new StringBuilder("<div class=\"" + WRAPPER + "\">\n<nav>");
        for (Statistics.Scope s : stats.scopes()) {
            html.append("<a href=\"#scope-").append(s.id()).append("\">").append(esc(texts.scopeTitle(s))).append("</a>");
        }
        html.append("</nav>\n");
        for (Statistics.Scope s : stats.scopes()) {
            scope(html, stats, s);
        }
        html.append("</div>\n<script id=\"stats-data\" type=\"application/json\">")
                .append(scriptSafe(Json.MAPPER.writeValueAsString(chartData(stats, texts))))
                .append("</script>\n<script>").append(scriptSafe(chartJs())).append("</script>\n<script>")
                .append(SCRIPT).append("</script>\n");
        return html.toString();
    }

    private void scope(StringBuilder html, Statistics stats, Statistics.Scope s) {
        Table.Set tables = Table.of(stats, s, texts);
        html.append("<section class=\"scope\" id=\"scope-").append(s.id()).append("\">\n<h2>")
                .append(esc(texts.scopeTitle(s))).append("</h2>\n<p class=\"summary\">")
                .append(esc(Table.summary(s, texts))).append("</p>\n");
        table(html, tables.byCity());
        int points = s.scatter().size();
        html.append("<div class=\"charts\">\n")
                .append(figure("turnout-" + s.id(), texts.get("chart.turnout",
                        Table.percent(s.turnout().binWidth()).replaceAll("\\.?0+$", "")), s.turnout().bins().size()))
                .append(figure("scatter-" + s.id(), texts.get("chart.scatter"), points))
                .append("</div>\n");
        table(html, tables.failedChecks());
        table(html, tables.flagged());
        // The long tables fold away; the histogram's table is its chart in figures, for readers who cannot see it.
        for (Table t : List.of(tables.regions(), tables.districts(), tables.precincts(), tables.histogram())) {
            html.append("<details><summary>").append(esc(t.title())).append(" (").append(t.rows().size())
                    .append(")</summary>\n");
            table(html, t);
            html.append("</details>\n");
        }
        html.append("</section>\n");
    }

    private static String figure(String id, String caption, int points) {
        return "<figure><figcaption>" + esc(caption) + "</figcaption><div class=\"chart\"><canvas id=\"" + id
                + "\" data-points=\"" + points + "\"></canvas></div></figure>\n";
    }

    private void table(StringBuilder html, Table t) {
        html.append("<h3>").append(esc(t.title())).append("</h3>\n");
        if (t.rows().isEmpty()) {
            html.append("<p class=\"none\">").append(esc(texts.get("empty.html"))).append("</p>\n");
            return;
        }
        html.append("<table><thead><tr>");
        t.header().forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            Long protocol = t.protocols().get(r);
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i < t.labelColumns() ? "<td class=\"label\">" : "<td class=\"num\">");
                if (i == 0 && protocol != null && reviewHref != null) {
                    html.append("<a href=\"").append(esc(reviewHref.apply(protocol))).append("\">")
                            .append(esc(row.get(i))).append("</a>");
                } else {
                    html.append(esc(row.get(i)));
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /**
     * What the charts draw, per scope: the histogram's bars and the scatter's points grouped by leading party; and
     * the words the charts write on their axes, legends and tooltips.
     */
    static Map<String, Object> chartData(Statistics stats, ReportTexts texts) {
        List<Map<String, Object>> scopes = new ArrayList<>();
        for (Statistics.Scope s : stats.scopes()) {
            Map<String, Object> histogram = new LinkedHashMap<>();
            histogram.put("labels", s.turnout().bins().stream().map(Table::band).toList());
            histogram.put("counts", s.turnout().bins().stream().map(Statistics.Histogram.Bin::precincts).toList());
            histogram.put("over", s.turnout().bins().stream().map(b -> b.from() >= stats.turnoutFlagPercent()).toList());
            Map<String, List<Map<String, Object>>> byLeader = new LinkedHashMap<>();
            stats.parties().forEach(p -> byLeader.put(p.key(), new ArrayList<>()));
            // A broken protocol can show more than 100 %: the axes stretch so that its dot stays in sight.
            double maxTurnout = 0;
            double maxShare = 0;
            for (Statistics.Point p : s.scatter()) {
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

    /** Only the markup characters: Cyrillic, Kazakh letters and «≠» stay readable in the file itself. */
    private static String esc(String s) {
        return escapeXml10(s);
    }
}
