package kz.hattama.reconcile;

import kz.hattama.form.CheckDef;
import kz.hattama.form.FlagDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.Flag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        for (CheckDef c : form.checks()) {
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
            long l = c.left().stream().mapToLong(values::get).sum();
            long r = c.right().stream().mapToLong(values::get).sum();
            boolean ok = c.holds(l, r);
            String detail = side(c.left(), values) + " " + (ok ? symbol(c.op()) : c.failedSymbol()) + " " + side(c.right(), values);
            out.add(new CheckResult(c.id(), ok, detail));
        }
        return out;
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
        long total = terms.stream().mapToLong(values::get).sum();
        StringBuilder sb = new StringBuilder();
        for (String t : terms) {
            sb.append(sb.length() == 0 ? "" : " + ").append(values.get(t));
        }
        return terms.size() > 2 ? total + " (" + sb + ")" : sb.toString();
    }

}
