package kz.hattama.stats;

import java.util.Locale;

/** Why observers reject a protocol they received, as their report counts it. */
public enum ObserverReason {
    /** Hattama could not read the file as a protocol (damaged, blurred, not the form …): a REJECTED record. */
    UNREADABLE,
    /** A side of the protocol is missing: the form's check of kind {@code sides} ({@code pages_complete}) failed. */
    INCOMPLETE,
    /** No signature of the chairman or the secretary: the form's check of kind {@code signatures} ({@code signed}) failed. */
    NOT_SIGNED,
    /** A control relation of the form fails: one of the form's relations (its checks with arithmetic) failed. */
    FIGURES_DO_NOT_MATCH,
    /** The form's flag in the turnout role was raised. */
    TURNOUT_OVER_THRESHOLD;

    /** The reason's id in the CSV and the key of its wording in the report's texts. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
