package kz.hattama.ocr;

import kz.hattama.protocol.NumberCandidate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks a words zone whether it says what the digits say. The figure the digits show is set
 * against every number a slip of the pen or of the digits reader could have turned it into (one
 * digit changed, dropped, added or two swapped) and against whatever either reader saw; the share
 * of likelihood the figure holds among them is its posterior under the words alone.
 */
public final class WordsCheck {

    private WordsCheck() {
    }

    /** Digits an int holds whatever they are. */
    private static final int INT_DIGITS = 9;

    /**
     * The words' posterior of the best digits reading, 0 where there is nothing to ask. Only the
     * best is asked: a field is accepted on its own only where the figure kept is the digits as read.
     *
     * @param maxValue the form's largest figure: a slip past it is no rival
     */
    public static double of(WordsEvidence evidence, List<NumberCandidate> digits, List<NumberCandidate> words,
                            int maxValue) {
        if (evidence == null || digits.isEmpty()) {
            return 0;
        }
        int value = digits.get(0).value();
        Set<Integer> rivals = neighbours(value, maxValue);
        digits.forEach(c -> rivals.add(c.value()));
        words.forEach(c -> rivals.add(c.value()));
        rivals.remove(value);
        double own = evidence.logLikelihood(value);
        double total = 1;
        for (int r : rivals) {
            total += Math.exp(evidence.logLikelihood(r) - own);
        }
        return 1 / total;
    }

    /** Numbers one edit of the digit string away: a digit changed, dropped, added, or two neighbours swapped. */
    static Set<Integer> neighbours(int value, int maxValue) {
        String s = Integer.toString(value);
        Set<Integer> out = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                add(out, maxValue, s.substring(0, i) + c + s.substring(i + 1));
            }
            add(out, maxValue, s.substring(0, i) + s.substring(i + 1));
            if (i + 1 < s.length()) {
                add(out, maxValue, s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2));
            }
        }
        for (int i = 0; i <= s.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                add(out, maxValue, s.substring(0, i) + c + s.substring(i));
            }
        }
        out.remove(value);
        return out;
    }

    private static void add(Set<Integer> out, int maxValue, String digits) {
        if (digits.isEmpty() || digits.length() > INT_DIGITS) {
            return;
        }
        int v = Integer.parseInt(digits);
        if (v <= maxValue) {
            out.add(v);
        }
    }
}
