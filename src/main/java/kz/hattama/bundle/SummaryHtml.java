package kz.hattama.bundle;

import kz.hattama.bundle.Summary.Figure;
import kz.hattama.bundle.Summary.Text;

import java.util.List;
import java.util.Objects;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

/** {@code summary.html} of an evidence bundle: what a person reads first, with the crops beside the readings. */
final class SummaryHtml {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;color:#1d2330;max-width:1280px;margin:24px auto;padding:0 16px}
            h1{font-size:22px}table{border-collapse:collapse;margin:6px 0 14px}th,td{border:1px solid #d5dbe3;padding:4px 8px;
            vertical-align:middle}th{background:#eef2f6;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .fail{color:#b91c1c;font-weight:600}.ok{color:#15803d}img{max-width:380px;max-height:60px;border:1px solid #ccc}
            tr.review td{background:#fff7ed}code{background:#f3f4f6;padding:1px 4px}
            """;

    private SummaryHtml() {
    }

    static String html(Summary s) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(s.lang().code()).append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(esc(s.documentTitle())).append("</title><style>").append(STYLE).append("</style></head>\n<body>\n<h1>")
                .append(esc(s.heading())).append("</h1>\n");
        h.append("<p>").append(html(s.intro())).append("</p>\n");

        h.append("<table>\n");
        for (Summary.Row row : s.about()) {
            h.append("<tr><th>").append(esc(row.name())).append("</th><td>")
                    .append(esc(Objects.toString(row.value(), Summary.NONE))).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>").append(Summary.FAILED_CHECKS).append("</h2>\n<ul>\n");
        items(h, "<li class=\"fail\">", s.failedChecks());
        h.append("</ul>\n<details><summary>").append(Summary.CHECKS_THAT_HOLD).append("</summary><ul>\n");
        items(h, "<li class=\"ok\">", s.checksThatHold());
        h.append("</ul></details>\n");
        if (!s.flags().isEmpty()) {
            h.append("<h2>").append(Summary.FLAGS).append("</h2>\n<ul>\n");
            items(h, "<li>", s.flags());
            h.append("</ul>\n");
        }

        h.append("<h2>").append(Summary.FIGURES).append("</h2>\n<p>").append(html(s.figuresNote())).append("</p>\n");
        h.append("<table>\n");
        headerRow(h, Summary.FIGURE_COLUMNS);
        for (Figure f : s.figures()) {
            h.append(f.changed() ? "<tr class=\"review\">" : "<tr>")
                    .append("<td>").append(esc(f.line())).append("</td><td>").append(esc(f.label()))
                    .append("<br><code>").append(esc(f.key())).append("</code></td><td>")
                    .append(f.crop() == null ? Summary.NONE : "<img alt=\"" + esc(f.key()) + "\" src=\"" + esc(f.crop()) + "\">")
                    .append("</td><td>").append(html(f.digits()))
                    .append("</td><td>").append(html(f.words()))
                    .append("</td><td class=\"num\"><b>").append(f.value())
                    .append("</b></td><td class=\"num\">").append(f.confidence())
                    .append("</td><td>").append(f.status()).append("</td><td>")
                    .append(esc(f.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>").append(Summary.REVIEW_HISTORY).append("</h2>\n");
        if (s.changes() == null) {
            h.append("<p>").append(Summary.NOT_REVIEWED).append("</p>\n");
        } else {
            if (s.signedOff() != null) {
                h.append("<p>").append(html(s.signedOff())).append("</p>\n");
            }
            h.append("<table>\n");
            headerRow(h, Summary.CHANGE_COLUMNS);
            for (List<String> change : s.changes()) {
                h.append("<tr><td>").append(esc(change.get(0))).append("</td><td>").append(esc(change.get(1)))
                        .append("</td><td>").append(esc(change.get(2))).append("</td><td class=\"num\">")
                        .append(esc(change.get(3))).append("</td><td class=\"num\">").append(esc(change.get(4)))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>").append(Summary.FILES).append("</h2>\n<p>").append(html(s.filesNote()))
                .append("</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void items(StringBuilder h, String open, List<Text> items) {
        items.forEach(t -> h.append(open).append(html(t)).append("</li>\n"));
    }

    private static void headerRow(StringBuilder h, List<String> columns) {
        h.append("<tr>");
        columns.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
    }

    private static String html(Text t) {
        StringBuilder h = new StringBuilder();
        for (Summary.Span span : t.spans()) {
            String text = esc(span.text());
            h.append(switch (span.style()) {
                case PLAIN -> text;
                case BOLD -> "<b>" + text + "</b>";
                case CODE -> "<code>" + text + "</code>";
                case MUTED -> "<i>" + text + "</i>";
            });
        }
        return h.toString();
    }

    /**
     * Only the markup characters: Cyrillic, Kazakh letters and «≠» stay readable in the file itself. An apostrophe
     * means nothing in text or in the double-quoted attributes here, and stays one («the field's box»).
     */
    private static String esc(String s) {
        return escapeXml10(s).replace("&apos;", "'");
    }
}
