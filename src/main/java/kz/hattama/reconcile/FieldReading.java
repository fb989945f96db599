package kz.hattama.reconcile;

import java.util.List;

/**
 * The two independent readings of one field, each as n-best numbers, best first. An empty list
 * means the zone held nothing readable.
 *
 * @param wordsCheck for each digits candidate, the words zone's posterior of that value against
 *                   the numbers it could be mistaken for; empty where the words could not be asked
 */
public record FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                           String digitsText, String wordsText, Box box, List<NumberCandidate> wordsCheck) {

    public FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                        String digitsText, String wordsText, Box box) {
        this(key, digits, words, digitsText, wordsText, box, List.of());
    }

    /** The words' posterior of a value, or 0 where it was not asked. */
    public double wordsCheck(int value) {
        return wordsCheck.stream().filter(c -> c.value() == value).mapToDouble(NumberCandidate::probability)
                .findFirst().orElse(0);
    }
}
