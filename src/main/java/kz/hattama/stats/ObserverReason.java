package kz.hattama.stats;

import java.util.Locale;

/** Why observers reject a protocol they received, as their report counts it. */
public enum ObserverReason {
    /** Hattama could not read the file as a protocol (damaged, blurred, not the form …): a REJECTED record. */
    UNREADABLE,
    /** A side of the protocol is missing: check {@value #PAGES_COMPLETE} failed. */
    INCOMPLETE,
    /** No signature of the commission's chairman or secretary: check {@value #SIGNED} failed. */
    NOT_SIGNED,
    /** A control relation of the form fails: any other of the form's checks failed. */
    FIGURES_DO_NOT_MATCH,
    /** The form's flag in the turnout role was raised. */
    TURNOUT_OVER_THRESHOLD;

    /** The check that every side of a two-sided protocol arrived (the spec's id). */
    public static final String PAGES_COMPLETE = "pages_complete";
    /** The check that the signature lines bear signatures (the spec's id). */
    public static final String SIGNED = "signed";

    /** The reason's id in the CSV and the key of its wording in the report's texts. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
