package kz.hattama.bundle;

import kz.hattama.export.ExportRecord;
import kz.hattama.export.Review;
import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;
import kz.hattama.precinct.Place;
import kz.hattama.reconcile.Flag;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.commons.text.StringEscapeUtils.escapeXml10;

/** {@code summary.html} of an evidence bundle: what a person reads first, with the crops beside the readings. */
final class Summary {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;color:#1d2330;max-width:1280px;margin:24px auto;padding:0 16px}
            h1{font-size:22px}table{border-collapse:collapse;margin:6px 0 14px}th,td{border:1px solid #d5dbe3;padding:4px 8px;
            vertical-align:middle}th{background:#eef2f6;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .fail{color:#b91c1c;font-weight:600}.ok{color:#15803d}img{max-width:380px;max-height:60px;border:1px solid #ccc}
            tr.review td{background:#fff7ed}code{background:#f3f4f6;padding:1px 4px}
            """;

    private Summary() {
    }

    /**
     * @param scanEntry the scan's name inside the zip
     * @param crops     the crop's entry per field key, for fields that have one
     * @param cropped   whether the page was normalized again; otherwise the crops are missing and the boxes say where
     */
    static String html(ExportRecord r, FormDefinition form, String sourceName, String scanEntry,
                       Map<String, String> crops, boolean cropped) {
        Lang lang = r.lang() == null ? Lang.RU : Lang.of(r.lang());
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(esc("Evidence: precinct " + Objects.toString(r.precinct(), "?") + ", protocol " + r.id()))
                .append("</title><style>").append(STYLE).append("</style></head>\n<body>\n<h1>Evidence: protocol of precinct № ")
                .append(esc(Objects.toString(r.precinct(), "(not read)"))).append("</h1>\n");
        h.append("<p>Failed checks: ").append(r.failedChecks().size()).append(", on the figures as ")
                .append(r.review() != null && r.review().by() != null ? "confirmed by a reviewer" : "read by the machine")
                .append(". Status: <b>").append(r.status()).append("</b>.</p>\n");

        Place place = r.location() == null ? Place.UNKNOWN : r.location();
        h.append("<table>\n");
        row(h, "Protocol id", r.id());
        row(h, "Form", r.form() + " (" + form.title().get(lang.code()) + ")");
        row(h, "Precinct", r.precinct());
        row(h, "Place", Stream.of(place.region(), place.district(), place.city()).filter(Objects::nonNull)
                .collect(Collectors.joining(", ")) + " (from " + place.from().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        row(h, "Printed address", r.address());
        row(h, "Language", r.lang());
        row(h, "Original scan", sourceName + " → " + scanEntry);
        row(h, "SHA-256 of the scan", String.join(", ", r.sourceSha256()));
        h.append("</table>\n");

        h.append("<h2>Failed checks</h2>\n<ul>\n");
        for (ExportRecord.Check c : r.failedChecks()) {
            h.append("<li class=\"fail\">").append(esc(c.id())).append(c.field() == null ? "" : " (" + esc(c.field()) + ")")
                    .append(": <code>").append(esc(c.detail())).append("</code></li>\n");
        }
        h.append("</ul>\n<details><summary>Checks that hold</summary><ul>\n");
        r.checks().stream().filter(ExportRecord.Check::passed).forEach(c -> h.append("<li class=\"ok\">")
                .append(esc(c.id())).append(c.field() == null ? "" : " (" + esc(c.field()) + ")").append(": <code>")
                .append(esc(c.detail())).append("</code></li>\n"));
        h.append("</ul></details>\n");
        if (!r.flags().isEmpty()) {
            h.append("<h2>Flags</h2>\n<ul>\n");
            for (Flag f : r.flags()) {
                h.append("<li>").append(esc(f.id())).append(": ").append(esc(f.detail())).append("</li>\n");
            }
            h.append("</ul>\n");
        }

        h.append("<h2>Figures: the page beside both readings</h2>\n<p>").append(cropped
                ? "Each crop is cut from the page as the machine read it: the original scan normalized again (same "
                + "perspective, deskew and light correction), at the field's stored box. <code>page.png</code> shows every box."
                : "The page could not be found again in the scan, so there are no crops: see the whole scan and the "
                + "boxes in <code>boxes.json</code>.").append("</p>\n");
        h.append("<table>\n<tr><th>Line</th><th>Field</th><th>On the page</th><th>Digits read</th><th>Words read</th>"
                + "<th>Value</th><th>Confidence</th><th>Status</th><th>Why</th></tr>\n");
        for (Map.Entry<String, ExportRecord.Field> e : r.fields().entrySet()) {
            FieldDef def = form.field(e.getKey());
            ExportRecord.Field f = e.getValue();
            String crop = crops.get(e.getKey());
            boolean changed = r.review() != null && r.review().changes().stream().anyMatch(c -> c.field().equals(e.getKey()));
            h.append(changed ? "<tr class=\"review\">" : "<tr>")
                    .append("<td>").append(esc(def.line())).append("</td><td>").append(esc(def.label(lang)))
                    .append("<br><code>").append(esc(e.getKey())).append("</code></td><td>")
                    .append(crop == null ? "—" : "<img alt=\"" + esc(e.getKey()) + "\" src=\"" + esc(crop) + "\">")
                    .append("</td><td>").append(reading(f.digitsText(), f.digits()))
                    .append("</td><td>").append(reading(f.wordsText(), f.words()))
                    .append("</td><td class=\"num\"><b>").append(f.value() == null ? "—" : f.value())
                    .append("</b></td><td class=\"num\">")
                    .append(f.confidence() == null ? "—" : String.format(Locale.ROOT, "%.2f", f.confidence()))
                    .append("</td><td>").append(f.status() == null ? "—" : f.status()).append("</td><td>")
                    .append(esc(Objects.toString(f.reason(), ""))).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Review history</h2>\n");
        Review review = r.review();
        if (review == null || review.by() == null && review.changes().isEmpty()) {
            h.append("<p>Nobody has reviewed this protocol yet.</p>\n");
        } else {
            if (review.by() != null) {
                h.append("<p>Signed off by <b>").append(esc(review.by())).append("</b> at ").append(review.at()).append(".</p>\n");
            }
            h.append("<table>\n<tr><th>When</th><th>Who</th><th>Field</th><th>From</th><th>To</th></tr>\n");
            for (Review.Change c : review.changes()) {
                h.append("<tr><td>").append(c.at()).append("</td><td>").append(esc(c.by())).append("</td><td>")
                        .append(esc(c.field())).append("</td><td class=\"num\">").append(c.from()).append("</td><td class=\"num\">")
                        .append(c.to()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Files</h2>\n<p><code>protocol.json</code>: the export record (both readings, checks, flags, "
                + "review); <code>review-history.json</code>; <code>boxes.json</code>: each field's box on the normalized "
                + "page. Verify every file with <code>sha256sum -c SHA256SUMS</code>.</p>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(Objects.toString(value, "—")))
                .append("</td></tr>\n");
    }

    private static String reading(String text, Integer number) {
        if (text == null && number == null) {
            return "<i>not read</i>";
        }
        return esc(Objects.toString(text, "")) + (number == null ? " → ?" : " → <b>" + number + "</b>");
    }

    /** Only the markup characters: Cyrillic, Kazakh letters and «≠» stay readable in the file itself. */
    private static String esc(String s) {
        return escapeXml10(s);
    }
}
