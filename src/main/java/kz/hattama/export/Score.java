package kz.hattama.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of devset-generator/score.py; a ratio is null where score.py prints None (nothing to divide by).
 *
 * @param byKind                    "hand/photo" → "correct protocols/protocols", sorted by kind
 * @param precinctVerifiedPrecision of the protocols whose precinct number is VERIFIED, the share whose number is right
 *                                  (null when none is VERIFIED): must stay 1.0
 * @param precinctWrongAccepted     protocols whose precinct number is VERIFIED and wrong: must stay 0
 */
public record Score(int protocols, int missing, double fieldAccuracy, double protocolAccuracy,
                    double precinctAccuracy, Double verifiedPrecision, double verifiedCoverage,
                    Double straightThrough, Double violationsCaught, Double falseAlarms,
                    Map<String, String> byKind, Double precinctVerifiedPrecision, int precinctWrongAccepted,
                    Paperwork paperwork, Map<String, Integer> notVerifiedOnClean) {

    /**
     * The paperwork figures, scored on sets with two-sided, incomplete and unsigned protocols.
     *
     * @param sidesJoined          two-sided protocols whose record cites both files, one record for both
     * @param incompleteCaught     protocols with a side missing whose pages_complete failed
     * @param unsignedCaught       unsigned protocols whose signed check failed
     * @param paperworkFalseAlarms complete, signed protocols where either check failed
     */
    public record Paperwork(Double sidesJoined, Double incompleteCaught, Double unsignedCaught,
                            Double paperworkFalseAlarms) {
    }

    /** The figures under score.py's keys, in its order. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocols", protocols);
        m.put("missing", missing);
        m.put("field_accuracy", fieldAccuracy);
        m.put("protocol_accuracy", protocolAccuracy);
        m.put("precinct_accuracy", precinctAccuracy);
        m.put("verified_precision", verifiedPrecision);
        m.put("verified_coverage", verifiedCoverage);
        m.put("straight_through", straightThrough);
        m.put("violations_caught", violationsCaught);
        m.put("false_alarms", falseAlarms);
        if (paperwork != null) {
            m.put("sides_joined", paperwork.sidesJoined());
            m.put("incomplete_caught", paperwork.incompleteCaught());
            m.put("unsigned_caught", paperwork.unsignedCaught());
            m.put("paperwork_false_alarms", paperwork.paperworkFalseAlarms());
        }
        m.put("by_kind", byKind);
        m.put("not_verified_on_clean", notVerifiedOnClean);
        return m;
    }

    /** Exactly what score.py prints without --json: {@code f"{k:22s} {v}"}, floats as {@code round(v, 4)}. */
    public String format() {
        return format(asMap());
    }

    /** {@link #format()}, then the precinct number's figures in the same layout: what evaluate and benchmark print. */
    public String report() {
        Map<String, Object> precinct = new LinkedHashMap<>();
        precinct.put("precinct_verified_precision", precinctVerifiedPrecision);
        precinct.put("precinct_wrong_accepted", precinctWrongAccepted);
        return format() + format(precinct);
    }

    private static String format(Map<String, Object> figures) {
        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> out.append(String.format("%-22s %s\n", k, py(v))));
        return out.toString();
    }

    private static String py(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Double d) {
            return pyRound4(d);
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> "'" + e.getKey() + "': "
                            + (e.getValue() instanceof String ? "'" + e.getValue() + "'" : e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return v.toString();
    }

    /**
     * Python's {@code repr(round(v, 4))}. round() rounds the exact binary value half-even; the nearest double to a
     * decimal of at most four places prints back as that decimal, without trailing zeros but with at least ".0".
     */
    static String pyRound4(double v) {
        BigDecimal rounded = new BigDecimal(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String s = rounded.scale() <= 0 ? rounded.setScale(1).toPlainString() : rounded.toPlainString();
        return v < 0 && rounded.signum() == 0 ? "-0.0" : s;
    }
}
