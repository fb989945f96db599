package kz.hattama.reconcile;

import java.util.List;

/**
 * The two independent readings of one field, each as n-best numbers, best first. An empty list
 * means the zone held nothing readable.
 *
 * @param wordsCheck the words zone's posterior of the best digits reading against the numbers it
 *                   could be mistaken for; 0 where the words could not be asked
 */
public record FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                           String digitsText, String wordsText, Box box, double wordsCheck) {

    public FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                        String digitsText, String wordsText, Box box) {
        this(key, digits, words, digitsText, wordsText, box, 0);
    }
}
