package kz.hattama.reconcile;

import java.util.List;

/**
 * The two independent readings of one field, each as n-best numbers, best first. An empty list
 * means the zone held nothing readable.
 */
public record FieldReading(String key, List<NumberCandidate> digits, List<NumberCandidate> words,
                           String digitsText, String wordsText, Box box) {
}
