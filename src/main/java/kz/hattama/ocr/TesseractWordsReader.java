package kz.hattama.ocr;

import kz.hattama.form.Lang;
import kz.hattama.numerals.NumberReading;
import kz.hattama.numerals.NumberWords;
import kz.hattama.reconcile.NumberCandidate;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * Words through Tesseract's Russian or Kazakh model, parsed into n-best numbers by the numerals
 * grammar. A parse's edit cost becomes a probability: an exact parse is near-certain, every
 * repaired letter makes it less so.
 */
public final class TesseractWordsReader implements WordsZoneReader {

    private static final int MAX_CANDIDATES = 5;
    /** How fast belief falls with the share of letters the parse had to repair. */
    private static final double COST_SHARPNESS = 8.0;
    private static final double RUNNER_UP_SHARPNESS = 30.0;

    private final TesseractOcr ocr;

    public TesseractWordsReader(TesseractOcr ocr) {
        this.ocr = ocr;
    }

    @Override
    public Reading read(Mat zone, Lang lang) {
        ZoneCleaner.Cleaned cleaned = ZoneCleaner.clean(zone);
        if (cleaned.isBlank()) {
            return Reading.NONE;
        }
        OcrLine line = ocr.read(cleaned.image(), OcrMode.WORDS, lang == Lang.KK ? "kaz+rus" : "rus");
        List<NumberReading> parsed = NumberWords.parse(line.text(), lang, MAX_CANDIDATES);
        List<NumberCandidate> out = new ArrayList<>();
        double ocrTrust = Math.min(1.0, 0.5 + line.confidence() / 200.0);
        double total = 0;
        for (NumberReading r : parsed) {
            if (r.cost() > NumberWords.MAX_PLAUSIBLE_COST) {
                continue;
            }
            // The best parse is believed by how little it had to repair; a runner-up by how much
            // worse it fits than the best, since OCR noise hits every parse of one text alike.
            double p = out.isEmpty() ? ocrTrust * Math.exp(-COST_SHARPNESS * r.cost())
                    : out.get(0).probability() * Math.exp(-RUNNER_UP_SHARPNESS * (r.cost() - parsed.get(0).cost()));
            out.add(new NumberCandidate(r.value(), p));
            total += p;
        }
        if (total > 1) {
            double sum = total;
            out.replaceAll(c -> new NumberCandidate(c.value(), c.probability() / sum));
        }
        return new Reading(line.text(), out);
    }
}
