package kz.hattama.form;

/** A signal that is not a rule: shown to reviewers, never counted as a failed check. */
public record FlagDef(String id, String numerator, String denominator, double above) {
}
