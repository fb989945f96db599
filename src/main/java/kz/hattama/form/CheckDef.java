package kz.hattama.form;

import java.util.List;
import java.util.Map;

/**
 * A check of the form. Most are control relations, sum(left) op sum(right) with op one of "=", "<=", ">=";
 * the paperwork checks instead ask whether every side arrived ({@link #SIDES}) and whether the required signature
 * lines bear a signature ({@link #SIGNATURES}).
 *
 * @param kind  {@link #RELATION} where the file says nothing
 * @param label the rule in words, by interface language (en, ru, kk)
 */
public record CheckDef(String id, String kind, List<String> left, String op, List<String> right, Map<String, String> label) {

    public static final String RELATION = "relation";
    public static final String SIDES = "sides";
    public static final String SIGNATURES = "signatures";

    public CheckDef {
        kind = kind == null ? RELATION : kind;
        left = left == null ? List.of() : left;
        right = right == null ? List.of() : right;
    }

    public boolean isRelation() {
        return RELATION.equals(kind);
    }

    /** Every field the relation names, left side first. */
    public List<String> terms() {
        List<String> all = new java.util.ArrayList<>(left);
        all.addAll(right);
        return all;
    }

    public boolean involves(String key) {
        return left.contains(key) || right.contains(key);
    }

    public boolean holds(long l, long r) {
        return switch (op) {
            case "=" -> l == r;
            case "<=" -> l <= r;
            case ">=" -> l >= r;
            default -> throw new IllegalStateException("unknown operator " + op + " in check " + id);
        };
    }

    /** The relation as a person writes it when it fails, e.g. {@code 1896 ≠ 624 + 2072}. */
    public String failedSymbol() {
        return switch (op) {
            case "=" -> "≠";
            case "<=" -> ">";
            case ">=" -> "<";
            default -> "?";
        };
    }
}
