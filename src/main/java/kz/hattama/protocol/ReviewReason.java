package kz.hattama.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why a figure or the precinct number needs a person: a code and the arguments its wording needs (figures arrive
 * formatted, so that every language shows them alike). Stored and exported as codes; the interface words a reason in
 * its language ({@code reason.CODE} in messages*.properties) and the export keeps the English text it always had,
 * made from the code, so that nothing reads a reason back from its words.
 *
 * @param args the arguments {0}, {1} … of the code's wording, as text; empty for a code that needs none
 */
public record ReviewReason(Code code, List<String> args) {

    public enum Code {
        UNREADABLE("unreadable zone"),
        /** A figure the stored protocol lacks altogether (an export of an odd record). */
        NOT_READ("not read"),
        DIGITS_UNREADABLE("digits unreadable"),
        WORDS_UNREADABLE("words unreadable"),
        DISAGREE("digits ≠ words"),
        /** Written before the words check existed; only old rows carry it. */
        LOW_CONFIDENCE("low confidence (digits {0}, words {1})"),
        LOW_CONFIDENCE_CHECKED("low confidence (digits {0}, words {1}, words check {2})"),
        WEAK_WORDS_CHECK("words check {0} below the bar of a figure only inequalities check"),
        NOT_ANCHORED("label not found next to the zone"),
        FIT_CHECKS("chosen from alternatives to fit the checks"),
        /** Its argument is the side's number. */
        SIDE_MISSING("side {0} missing"),
        /** Its argument is the check's id. */
        FAILED_CHECK("failed check {0}"),
        PRECINCT_UNREAD("precinct not read"),
        PRECINCT_DISAGREE("precinct readings disagree: {0}"),
        PRECINCT_BLIND("precinct not read by {0}"),
        PRECINCT_FEW("precinct read too few times ({0})"),
        PRECINCT_UNANCHORED("precinct number not found beside the form's words"),
        PRECINCT_IMPLAUSIBLE("implausible precinct number {0}"),
        PRECINCT_LOW_CONFIDENCE("precinct low confidence ({0})"),
        PRECINCT_INK("ink beside the precinct number"),
        PRECINCT_UNCHECKED("precinct read before it was checked"),
        /** Text no code was found for (a row stored before codes, a test's own words): shown as it is. */
        NOTE("{0}");

        private final String english;

        Code(String english) {
            this.english = english;
        }

        /** The stored and exported form, e.g. {@code low_confidence_checked}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The key of its wording in messages*.properties. */
        public String messageKey() {
            return "reason." + id();
        }

        @JsonCreator
        public static Code of(String id) {
            return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no review reason " + id));
        }
    }

    public ReviewReason {
        args = List.copyOf(args);
    }

    public static ReviewReason of(Code code, Object... args) {
        return new ReviewReason(code, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Free text, shown as it is. */
    public static ReviewReason note(String text) {
        return of(Code.NOTE, text);
    }

    /** The English wording the export has always carried, e.g. {@code failed check votes_balance}. */
    public String english() {
        return fill(code.english, args);
    }

    /** The reasons' English wordings joined by "; ", as the export's {@code reason}; null when there are none. */
    public static String english(List<ReviewReason> reasons) {
        return reasons == null || reasons.isEmpty() ? null
                : reasons.stream().map(ReviewReason::english).collect(Collectors.joining("; "));
    }

    /** {@code text} with {0}, {1} … replaced by the arguments as given (no MessageFormat: apostrophes stay). */
    public static String fill(String text, List<?> args) {
        String out = text;
        for (int i = 0; i < args.size(); i++) {
            out = out.replace("{" + i + "}", String.valueOf(args.get(i)));
        }
        return out;
    }
}
