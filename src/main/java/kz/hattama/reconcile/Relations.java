package kz.hattama.reconcile;

import kz.hattama.form.CheckDef;
import kz.hattama.form.FlagDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.Flag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The form's control relations and flags evaluated on a set of figures. Shared by the reconciler (figures as read)
 * and by review (figures as a reviewer corrected them), so both write the same arithmetic.
 */
public final class Relations {

    private final FormDefinition form;

    public Relations(FormDefinition form) {
        this.form = form;
    }

    /** Every relation of the form, in form order; one that names an unread figure fails as "cannot check". */
    public List<CheckResult> checks(Map<String, Integer> values) {
        List<CheckResult> out = new ArrayList<>();
        for (CheckDef c : form.relations()) {
            List<String> missing = new ArrayList<>();
            for (String k : c.terms()) {
                if (values.get(k) == null) {
                    missing.add(k);
                }
            }
            if (!missing.isEmpty()) {
                out.add(new CheckResult(c.id(), false, "cannot check: " + String.join(", ", missing) + " unread"));
                continue;
            }
            boolean ok = holds(c, values::get);
            String detail = side(c.left(), values) + " " + (ok ? symbol(c.op()) : c.failedSymbol()) + " " + side(c.right(), values);
            out.add(new CheckResult(c.id(), ok, detail));
        }
        return out;
    }

    /**
     * Whether the relation holds on the figures {@code value} gives; null when a figure it names is unread. The one
     * place the form's arithmetic is done: the reconciler's search and the reported checks cannot come to disagree.
     */
    public static Boolean holds(CheckDef c, Function<String, Integer> value) {
        Long l = sum(c.left(), value);
        Long r = sum(c.right(), value);
        return l == null || r == null ? null : c.holds(l, r);
    }

    /** The sum of the terms' figures; null when one is unread. */
    private static Long sum(List<String> terms, Function<String, Integer> value) {
        long s = 0;
        for (String t : terms) {
            Integer v = value.apply(t);
            if (v == null) {
                return null;
            }
            s += v;
        }
        return s;
    }

    public List<Flag> flags(Map<String, Integer> values) {
        List<Flag> out = new ArrayList<>();
        for (FlagDef f : form.flags()) {
            Integer num = values.get(f.numerator());
            Integer den = values.get(f.denominator());
            if (num != null && den != null && f.raised(num, den)) {
                out.add(new Flag(f.id(), f.detail(num, den)));
            }
        }
        return out;
    }

    private static String symbol(String op) {
        return switch (op) {
            case "<=" -> "≤";
            case ">=" -> "≥";
            default -> op;
        };
    }

    private static String side(List<String> terms, Map<String, Integer> values) {
        if (terms.size() == 1) {
            return String.valueOf(values.get(terms.get(0)));
        }
        Long total = sum(terms, values::get);
        StringBuilder sb = new StringBuilder();
        for (String t : terms) {
            sb.append(sb.length() == 0 ? "" : " + ").append(values.get(t));
        }
        return terms.size() > 2 ? total + " (" + sb + ")" : sb.toString();
    }

}
