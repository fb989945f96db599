package kz.hattama.ocr;

import kz.hattama.protocol.NumberCandidate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines several looks at one zone (the zone as written, the zone scaled) into one n-best list.
 * Each size loses strokes another keeps; a value the looks agree on gains, one only a single look
 * saw keeps a share of its belief.
 */
final class Looks {

    private Looks() {
    }

    static List<NumberCandidate> merge(List<List<NumberCandidate>> looks, int max) {
        List<List<NumberCandidate>> seen = looks.stream().filter(l -> !l.isEmpty()).toList();
        if (seen.size() <= 1) {
            return seen.isEmpty() ? List.of() : seen.get(0);
        }
        Map<Integer, Double> merged = new LinkedHashMap<>();
        for (List<NumberCandidate> look : seen) {
            for (NumberCandidate c : look) {
                merged.merge(c.value(), c.probability() / seen.size(), Double::sum);
            }
        }
        return merged.entrySet().stream()
                .map(e -> new NumberCandidate(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(NumberCandidate::probability).reversed())
                .limit(max).toList();
    }

    /** The texts of the looks, once each, for the reviewer. */
    static String text(List<String> texts) {
        return String.join(" | ", texts.stream().filter(t -> !t.isBlank()).distinct().toList());
    }
}
