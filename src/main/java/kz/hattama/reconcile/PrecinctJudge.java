package kz.hattama.reconcile;

import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.protocol.PrecinctResult;
import kz.hattama.protocol.ReviewReason.Code;
import kz.hattama.protocol.ReviewReason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides the precinct number from its looks. A wrong number files every figure of the protocol under another
 * precinct without anyone noticing, so the bar is agreement: VERIFIED only when enough independent looks were taken,
 * every one of them read the same plausible number where the form prints it, and together they are sure of it.
 * Anything less goes to a person with the reason.
 */
public final class PrecinctJudge {

    /** Fewer looks than this is one reader's opinion, not agreement. */
    static final int MIN_LOOKS = 3;
    /** Precinct numbers run to four digits in Kazakhstan; five leaves room for another numbering. */
    static final int MAX_DIGITS = 5;

    private final double verifyPrecinct;

    /** @param verifyPrecinct least {@link #confidence} of the looks for the number to be VERIFIED */
    public PrecinctJudge(double verifyPrecinct) {
        this.verifyPrecinct = verifyPrecinct;
    }

    public PrecinctResult judge(List<PrecinctLook> looks) {
        Map<String, Double> weight = new LinkedHashMap<>();
        for (PrecinctLook l : looks) {
            if (l.value() != null) {
                weight.merge(l.value(), l.confidence(), Double::sum);
            }
        }
        if (weight.isEmpty()) {
            return new PrecinctResult(null, FieldStatus.NEEDS_REVIEW, 0, List.of(ReviewReason.of(Code.PRECINCT_UNREAD)));
        }
        String value = weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double confidence = round(confidence(looks, value));
        List<ReviewReason> reasons = new ArrayList<>();
        List<PrecinctLook> others = looks.stream().filter(l -> l.value() != null && !l.value().equals(value)).toList();
        if (!others.isEmpty()) {
            reasons.add(ReviewReason.of(Code.PRECINCT_DISAGREE, value + " ≠ " + others.stream()
                    .map(l -> l.value() + " (" + l.reader() + ")").distinct().collect(Collectors.joining(", "))));
        }
        List<String> blind = looks.stream().filter(l -> l.value() == null).map(PrecinctLook::reader).toList();
        if (!blind.isEmpty()) {
            reasons.add(ReviewReason.of(Code.PRECINCT_BLIND, String.join(", ", blind)));
        }
        if (looks.size() < MIN_LOOKS) {
            reasons.add(ReviewReason.of(Code.PRECINCT_FEW, looks.size()));
        }
        if (looks.stream().filter(l -> value.equals(l.value())).noneMatch(PrecinctLook::anchored)) {
            reasons.add(ReviewReason.of(Code.PRECINCT_UNANCHORED));
        }
        if (looks.stream().filter(l -> value.equals(l.value())).anyMatch(l -> !l.clear())) {
            reasons.add(ReviewReason.of(Code.PRECINCT_INK));
        }
        if (!value.matches("[1-9]\\d{0," + (MAX_DIGITS - 1) + "}")) {
            reasons.add(ReviewReason.of(Code.PRECINCT_IMPLAUSIBLE, value));
        }
        if (reasons.isEmpty() && confidence < verifyPrecinct) {
            reasons.add(ReviewReason.of(Code.PRECINCT_LOW_CONFIDENCE, String.format(Locale.ROOT, "%.2f", confidence)));
        }
        return new PrecinctResult(value, reasons.isEmpty() ? FieldStatus.VERIFIED : FieldStatus.NEEDS_REVIEW,
                confidence, reasons);
    }

    /**
     * One minus the looks' typical error: the geometric mean, over every look, of the chance it is wrong about
     * {@code value} (1 for a look that read something else or nothing). Readers are calibrated differently (Tesseract's
     * digits-only reader is never sure of three digits, the digits model nearly always is), so one cautious reader
     * that agrees lowers the confidence a little. It is never more than the share of looks that read {@code value}: one
     * look of four that read something else or nothing leaves at most 0.75.
     */
    static double confidence(List<PrecinctLook> looks, String value) {
        double logError = 0;
        int agreeing = 0;
        for (PrecinctLook l : looks) {
            boolean agrees = value.equals(l.value());
            agreeing += agrees ? 1 : 0;
            logError += Math.log(Math.max(MIN_ERROR, agrees ? 1 - l.confidence() : 1));
        }
        return Math.min(1 - Math.exp(logError / looks.size()), (double) agreeing / looks.size());
    }

    /** No reader is believed beyond this. */
    private static final double MIN_ERROR = 1e-3;

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
