package kz.hattama.ocr;

import kz.hattama.numerals.NumberWords;
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

    /**
     * The words' posterior of the best digits reading, 0 where there is nothing to ask. Only the
     * best is asked: a field is accepted on its own only where the figure kept is the digits as read.
     */
    public static double of(WordsEvidence evidence, List<NumberCandidate> digits, List<NumberCandidate> words) {
        if (evidence == null || digits.isEmpty()) {
            return 0;
        }
        int value = digits.get(0).value();
        Set<Integer> rivals = neighbours(value);
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
    static Set<Integer> neighbours(int value) {
        String s = Integer.toString(value);
        Set<Integer> out = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                add(out, s.substring(0, i) + c + s.substring(i + 1));
            }
            add(out, s.substring(0, i) + s.substring(i + 1));
            if (i + 1 < s.length()) {
                add(out, s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2));
            }
        }
        for (int i = 0; i <= s.length(); i++) {
            for (char c = '0'; c <= '9'; c++) {
                add(out, s.substring(0, i) + c + s.substring(i));
            }
        }
        out.remove(value);
        return out;
    }

    private static void add(Set<Integer> out, String digits) {
        if (digits.isEmpty() || digits.length() > 7) {
            return;
        }
        int v = Integer.parseInt(digits);
        if (v <= NumberWords.MAX_VALUE) {
            out.add(v);
        }
    }
}
