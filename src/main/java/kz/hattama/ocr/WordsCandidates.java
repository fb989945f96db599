package kz.hattama.ocr;

import kz.hattama.form.Lang;
import kz.hattama.numerals.NumberReading;
import kz.hattama.numerals.NumberWords;
import kz.hattama.protocol.NumberCandidate;

import java.util.ArrayList;
import java.util.List;

/**
 * A words zone's text as n-best numbers. A parse's edit cost becomes a probability: an exact parse
 * is near-certain, every repaired letter makes it less so.
 */
final class WordsCandidates {

    static final int MAX_CANDIDATES = 5;
    /** How fast belief falls with the share of letters the parse had to repair. */
    private static final double COST_SHARPNESS = 8.0;
    private static final double RUNNER_UP_SHARPNESS = 30.0;

    private WordsCandidates() {
    }

    /** @param trust how far the reader itself believes its text, 0..1 */
    static List<NumberCandidate> of(String text, Lang lang, double trust) {
        List<NumberReading> parsed = NumberWords.parse(text, lang, MAX_CANDIDATES);
        List<NumberCandidate> out = new ArrayList<>();
        double total = 0;
        for (NumberReading r : parsed) {
            if (r.cost() > NumberWords.MAX_PLAUSIBLE_COST) {
                continue;
            }
            // The best parse is believed by how little it had to repair; a runner-up by how much
            // worse it fits than the best, since OCR noise hits every parse of one text alike.
            double p = out.isEmpty() ? trust * Math.exp(-COST_SHARPNESS * r.cost())
                    : out.get(0).probability() * Math.exp(-RUNNER_UP_SHARPNESS * (r.cost() - parsed.get(0).cost()));
            out.add(new NumberCandidate(r.value(), p));
            total += p;
        }
        if (total > 1) {
            double sum = total;
            out.replaceAll(c -> new NumberCandidate(c.value(), c.probability() / sum));
        }
        return out;
    }
}
