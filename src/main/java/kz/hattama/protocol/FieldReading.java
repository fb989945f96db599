package kz.hattama.protocol;

import java.util.List;

/**
 * The two independent readings of one field, each as n-best numbers, best first. An empty list
 * means the zone held nothing readable.
 *
 * @param wordsCheck the words zone's posterior of the best digits reading against the numbers it
 *                   could be mistaken for; 0 where the words could not be asked
 * @param anchored   whether the field's printed label was read next to its zones; a zone placed
 *                   by the rulings alone may hold another line's figure, so its field is never
 *                   VERIFIED
 */
public record FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                           String digitsText, String wordsText, Box box, double wordsCheck, boolean anchored) {

    /** Readings of a field found at its label. */
    public FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                        String digitsText, String wordsText, Box box, double wordsCheck) {
        this(key, digits, words, digitsText, wordsText, box, wordsCheck, true);
    }

    /** Readings of a field found at its label, without a words check. */
    public FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                        String digitsText, String wordsText, Box box) {
        this(key, digits, words, digitsText, wordsText, box, 0);
    }
}
