package kz.hattama.form;

import java.util.Locale;
import java.util.Map;

/**
 * A signal that is not a rule: shown to reviewers, never counted as a failed check. It is raised when
 * numerator / denominator exceeds {@code above}.
 *
 * @param role   what else the flag's ratio stands for: {@value #TURNOUT} (the statistics' turnout is its
 *               numerator over its denominator); null for none
 * @param detail what the record says of a raised flag, with {@code {percent}} (the ratio in percent, one
 *               decimal), {@code {numerator}} and {@code {denominator}} filled in, e.g. {@code turnout {percent} %}
 * @param label  what the flag is called, by interface language (en, ru, kk)
 */
public record FlagDef(String id, String role, String numerator, String denominator, double above, String detail,
                      Map<String, String> label) {

    /** The role of the flag whose ratio the statistics use as turnout. */
    public static final String TURNOUT = "turnout";

    public boolean raised(long numerator, long denominator) {
        return denominator > 0 && (double) numerator / denominator > above;
    }

    public String detail(long numerator, long denominator) {
        return detail.replace("{percent}", String.format(Locale.ROOT, "%.1f", 100.0 * numerator / denominator))
                .replace("{numerator}", Long.toString(numerator))
                .replace("{denominator}", Long.toString(denominator));
    }
}
