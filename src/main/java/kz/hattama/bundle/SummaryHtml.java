package kz.hattama.bundle;

import kz.hattama.render.Templates;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.html} of an evidence bundle: what a person reads first, with the crops beside the readings. The
 * template {@code templates/reports/evidence-summary.html} lays it out; {@link SummaryPdf} prints the same markup.
 */
final class SummaryHtml {

    private static final String TEMPLATE = "reports/evidence-summary";

    /**
     * Points on a landscape page: the narrow columns fit NEEDS_REVIEW, «Confidence» and a key on one line, and the
     * crop's column is as wide as the handwriting needs to stay legible.
     */
    private static final List<Integer> PRINTED_FIGURE_WIDTHS = List.of(28, 118, 220, 62, 104, 42, 58, 72, 60);
    /** The same with the official figure's column after the value: the crop and the words give up what it takes. */
    private static final List<Integer> PRINTED_FIGURE_WIDTHS_OFFICIAL = List.of(28, 108, 186, 62, 92, 42, 46, 58, 72, 60);

    private SummaryHtml() {
    }

    /** The web page: each crop is its entry in the zip, beside the page. */
    static String html(Summary s) {
        Map<String, String> crops = new HashMap<>();
        s.figures().stream().filter(f -> f.crop() != null).forEach(f -> crops.put(f.key(), f.crop()));
        return render(s, false, crops);
    }

    /**
     * @param pdf   whether the markup is for print: A4 sheets, the figures on landscape ones, DejaVu Sans
     * @param crops the image source of each field's crop, by field key; a field without one shows «—»
     */
    static String render(Summary s, boolean pdf, Map<String, String> crops) {
        Map<String, Object> v = new HashMap<>();
        v.put("s", s);
        v.put("pdf", pdf);
        v.put("crops", crops);
        v.put("none", Summary.NONE);
        v.put("figureColumns", s.figureColumns());
        v.put("figureWidths", s.official() == null ? PRINTED_FIGURE_WIDTHS : PRINTED_FIGURE_WIDTHS_OFFICIAL);
        v.put("changeColumns", Summary.CHANGE_COLUMNS);
        v.put("headings", Map.of("failedChecks", Summary.FAILED_CHECKS, "checksThatHold", Summary.CHECKS_THAT_HOLD,
                "flags", Summary.FLAGS, "figures", Summary.FIGURES, "reviewHistory", Summary.REVIEW_HISTORY,
                "notReviewed", Summary.NOT_REVIEWED, "files", Summary.FILES, "official", Summary.OFFICIAL));
        return Templates.render(TEMPLATE, v);
    }
}
