package kz.hattama.reconcile;

/** A control relation evaluated on the figures as read; detail is the arithmetic, e.g. {@code 1896 ≠ 624 + 2072}. */
public record CheckResult(String id, boolean passed, String detail) {
}
