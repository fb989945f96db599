package kz.hattama.numerals;

/**
 * OCR output of a numbers-in-words line, reduced to the letters that can be matched against
 * the vocabulary, with the positions where the text had word breaks.
 *
 * <p>Spaces are not kept as characters: OCR both splits and merges handwritten words, so the
 * parser segments the bare letter string and uses the original breaks only as a soft hint
 * ({@link #isBoundary}).
 */
final class OcrText {

    // Latin letters Tesseract emits for Cyrillic glyphs of the same shape. Case matters: an
    // upper-case B is a В, but a lower-case b is how the soft sign ь comes out.
    private static final String LATIN_UPPER = "ABCEHKMOPTXYI";
    private static final String LATIN_UPPER_AS = "авсенкмортхуі";
    private static final String LATIN_LOWER = "abcehkmoptxyilunr";
    private static final String LATIN_LOWER_AS = "аьсенкмортхуііипг";

    // Kazakh letters whose diacritic OCR drops (or the Russian model never knew) fold into their
    // base letter, on both the text and the vocabulary side, so that the fold costs nothing.
    // No two number words become equal under it (Vocabulary checks).
    private static final String FOLD_FROM = "әғқңөұүһёıї";
    private static final String FOLD_TO = "агкноуухеіі";

    // Digits that stand for a letter when glued to a word (с0рок, ек1, тpи3…).
    private static final String DIGITS_AS = "оі?з??б???";

    private static final char NONE = 0;

    private final char[] letters;
    private final boolean[] boundary;
    /** boundariesThrough[k]: number of word breaks at positions 1..k. */
    private final int[] boundariesThrough;
    /** For a break at p &lt; length: the next break after p. */
    private final int[] nextBoundary;

    private OcrText(char[] letters, boolean[] boundary) {
        this.letters = letters;
        this.boundary = boundary;
        int n = letters.length;
        boundariesThrough = new int[n + 1];
        for (int k = 1; k <= n; k++) {
            boundariesThrough[k] = boundariesThrough[k - 1] + (boundary[k] ? 1 : 0);
        }
        nextBoundary = new int[n + 1];
        int next = n;
        for (int k = n; k >= 0; k--) {
            nextBoundary[k] = next;
            if (boundary[k]) {
                next = k;
            }
        }
    }

    int length() {
        return letters.length;
    }

    char[] letters() {
        return letters;
    }

    /** True at 0, at the end, and wherever the OCR text had a space or separator. */
    boolean isBoundary(int p) {
        return boundary[p];
    }

    /** Number of breaks strictly between p and q. */
    int boundariesBetween(int p, int q) {
        return q - 1 <= p ? 0 : boundariesThrough[q - 1] - boundariesThrough[p];
    }

    int nextBoundary(int p) {
        return nextBoundary[p];
    }

    /** The letters between two breaks, i.e. one OCR word. */
    String token(int from, int to) {
        return new String(letters, from, to - from);
    }

    /** Vocabulary side: the same folding as {@link #of}, for an already clean word. */
    static String flatten(String word) {
        char[] out = new char[word.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = letter(word.charAt(i));
        }
        return new String(out);
    }

    static OcrText of(String raw) {
        int n = raw.length();
        char[] out = new char[n];
        boolean[] breaks = new boolean[n + 1];
        int len = 0;
        boolean pendingBreak = false;
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (Character.isLetter(c)) {
                if (pendingBreak && len > 0) {
                    breaks[len] = true;
                }
                pendingBreak = false;
                out[len++] = letter(c);
                i++;
                continue;
            }
            // A run of digits or bars: only a lone one touching letters is a misread letter;
            // longer runs are figures written next to the words, or the ruled line.
            int end = i;
            while (end < n && isWeak(raw.charAt(end))) {
                end++;
            }
            char as = end - i == 1 ? weakAsLetter(raw, i) : NONE;
            if (as != NONE) {
                out[len++] = as;
                i = end;
            } else {
                pendingBreak = true;
                i = Math.max(end, i + 1);
            }
        }
        char[] letters = new char[len];
        System.arraycopy(out, 0, letters, 0, len);
        boolean[] boundary = new boolean[len + 1];
        System.arraycopy(breaks, 0, boundary, 0, len);
        boundary[0] = true;
        boundary[len] = true;
        return new OcrText(letters, boundary);
    }

    private static boolean isWeak(char c) {
        return (c >= '0' && c <= '9') || c == '|' || c == '!';
    }

    private static char weakAsLetter(String raw, int i) {
        char c = raw.charAt(i);
        boolean letterBefore = i > 0 && Character.isLetter(raw.charAt(i - 1));
        boolean letterAfter = i + 1 < raw.length() && Character.isLetter(raw.charAt(i + 1));
        if (c == '|' || c == '!') {
            // A bar at a word's edge is usually the form's ruling; inside a word it is an і.
            return letterBefore && letterAfter ? 'і' : NONE;
        }
        char as = DIGITS_AS.charAt(c - '0');
        return as != '?' && (letterBefore || letterAfter) ? as : NONE;
    }

    private static char letter(char c) {
        int k = LATIN_UPPER.indexOf(c);
        if (k >= 0) {
            return LATIN_UPPER_AS.charAt(k);
        }
        k = LATIN_LOWER.indexOf(c);
        if (k >= 0) {
            return LATIN_LOWER_AS.charAt(k);
        }
        char lower = Character.toLowerCase(c);
        k = FOLD_FROM.indexOf(lower);
        return k >= 0 ? FOLD_TO.charAt(k) : lower;
    }
}
