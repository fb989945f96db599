package kz.hattama.form;

import java.util.List;
import java.util.Map;

/**
 * A control relation: sum(left) op sum(right), op one of "=", "<=".
 *
 * @param label the rule in words, by interface language (en, ru, kk)
 */
public record CheckDef(String id, List<String> left, String op, List<String> right, Map<String, String> label) {

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
