package kz.hattama.layout;

import kz.hattama.form.FieldDef;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How well a band's OCR text shows the printed start of a field's label, in any of the form's
 * languages: 1 when it is there letter for letter, 0 when nothing of it is.
 *
 * <p>Only the label's first {@value #PREFIX} letters are compared, which is what a band one label
 * line high and a few hundred pixels wide holds. The text around them (a stray hint, the top of a
 * handwritten figure) costs nothing: the label's start is aligned against the best-fitting stretch
 * of the text. The line number weighs as much as {@value #NUMBER_WEIGHT} letters, because lines 1
 * and 4, or 2 and 6, open with the same words («Общее число избирателей…», «Число избирательных
 * бюллетеней…») and differ only by it.
 */
final class LabelMatcher {

    private static final Pattern LATIN_WORD = Pattern.compile("\\p{IsLatin}+");
    /** A line number's digit read as the letter it looks like («З.» for «3.», «l.» for «1.»). */
    private static final Pattern NUMBER_LOOKALIKE = Pattern.compile("(?<!\\p{L})[ЗзlI|](?=\\s?\\.)");

    /** The least similarity for a label to count as found. */
    static final double CONFIRMED = 0.75;
    static final int PREFIX = 20;
    private static final int NUMBER_WEIGHT = 8;

    private LabelMatcher() {
    }

    /** @param tableRow the field is a table row, whose number is printed in a cell of its own, not before its label */
    static double similarity(String ocrText, FieldDef field, boolean tableRow) {
        String text = fold(ocrText);
        if (text.isBlank()) {
            return 0;
        }
        double best = 0;
        for (String label : field.label().values()) {
            String printed = field.number() == null || tableRow ? label : field.number() + " " + label;
            // The Cyrillic model reads a Latin name («Nur Otan») as Cyrillic noise: only the
            // label's Cyrillic words are looked for.
            String expected = fold(LATIN_WORD.matcher(printed).replaceAll(" "));
            expected = expected.substring(0, Math.min(PREFIX, expected.length())).strip();
            best = Math.max(best, similarity(expected, text));
        }
        return best;
    }

    /**
     * 1 minus the weighted edit distance of {@code expected}, wholly aligned, to the stretch of
     * {@code text} it fits best (the text's head and tail are free), over {@code expected}'s weight.
     * The distance is a few lines of dynamic programming because Commons Text's Levenshtein has
     * neither free ends nor weights.
     */
    static double similarity(String expected, String text) {
        int m = expected.length(), n = text.length();
        if (m == 0) {
            return 0;
        }
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        int total = 0;
        for (int i = 1; i <= m; i++) {
            int w = weight(expected.charAt(i - 1));
            total += w;
            cur[0] = total;
            for (int j = 1; j <= n; j++) {
                int sub = prev[j - 1] + (expected.charAt(i - 1) == text.charAt(j - 1) ? 0 : w);
                int skipExpected = prev[j] + w;
                int skipText = cur[j - 1] + 1;
                cur[j] = Math.min(sub, Math.min(skipExpected, skipText));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        int distance = Integer.MAX_VALUE;
        for (int j = 0; j <= n; j++) {
            distance = Math.min(distance, prev[j]);
        }
        return Math.max(0, 1 - (double) distance / total);
    }

    /** Whether a table row's number cell reads as the row's printed number, and nothing else. */
    static boolean isNumber(String ocrText, FieldDef field) {
        String read = fold(ocrText);
        return field.number() != null && !read.isEmpty() && read.equals(fold(field.number()));
    }

    private static int weight(char c) {
        return Character.isDigit(c) ? NUMBER_WEIGHT : 1;
    }

    /**
     * Lower case, punctuation to single spaces, and letters OCR confuses across the two alphabets
     * and the Kazakh letters (read with either language's model) folded to one Cyrillic letter.
     */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = true;
        String numbered = NUMBER_LOOKALIKE.matcher(s).replaceAll(m -> m.group().equals("З") || m.group().equals("з") ? "3" : "1");
        for (char c : numbered.toLowerCase(Locale.ROOT).toCharArray()) {
            char f = switch (c) {
                case 'ё' -> 'е';
                case 'қ' -> 'к';
                case 'ғ' -> 'г';
                case 'ң' -> 'н';
                case 'ү', 'ұ' -> 'у';
                case 'ө' -> 'о';
                case 'ә' -> 'а';
                case 'һ' -> 'х';
                case 'і', 'i', 'ї', '!', '|' -> 'и';
                case 'a' -> 'а';
                case 'e' -> 'е';
                case 'o' -> 'о';
                case 'p' -> 'р';
                case 'c' -> 'с';
                case 'x' -> 'х';
                case 'y' -> 'у';
                case 'k' -> 'к';
                case 'm' -> 'м';
                case 'h' -> 'н';
                case 'b' -> 'в';
                case 't' -> 'т';
                default -> c;
            };
            if (Character.isLetterOrDigit(f)) {
                out.append(f);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        return out.toString().strip();
    }
}
