package kz.hattama.protocol;

/**
 * A control relation evaluated on the figures as read; detail is the arithmetic, e.g. {@code 1896 ≠ 624 + 2072}.
 * {@code field} names the figure for checks that exist once per field ({@code words_match}); null for the
 * relations between figures, whose detail already names them.
 */
public record CheckResult(String id, boolean passed, String detail, String field) {

    public static final String WORDS_MATCH = "words_match";

    public CheckResult(String id, boolean passed, String detail) {
        this(id, passed, detail, null);
    }

    public static CheckResult wordsMatch(String field, boolean passed, String detail) {
        return new CheckResult(WORDS_MATCH, passed, detail, field);
    }
}
