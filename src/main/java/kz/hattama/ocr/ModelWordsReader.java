package kz.hattama.ocr;

import kz.hattama.form.Lang;
import kz.hattama.numerals.NumberWords;
import org.opencv.core.Mat;

/** Words through the trained line recogniser (models/words.onnx), parsed by the numerals grammar. */
public final class ModelWordsReader implements WordsZoneReader {

    /** The recogniser gives no per-line confidence here; the parse cost carries the doubt. */
    private static final double TRUST = 0.9;

    private final WordsReader model;

    public ModelWordsReader(WordsReader model) {
        this.model = model;
    }

    @Override
    public Reading read(Mat zone, Lang lang) {
        float[][] logp = model.logProbs(zone);
        String text = WordsReader.best(logp);
        // Blank zones get no evidence either: an empty line would "read" as no number at all.
        if (text.isBlank()) {
            return Reading.NONE;
        }
        Ctc.Scorer scorer = new Ctc.Scorer(logp, WordsReader.ALPHABET);
        WordsEvidence evidence = value -> {
            String withOne = WordsReader.normalise(NumberWords.toWords(value, lang, true));
            String withoutOne = WordsReader.normalise(NumberWords.toWords(value, lang, false));
            double l = scorer.logLikelihood(withOne);
            // Most figures have no leading «одна»/«бір» to drop: one spelling, scored once.
            return withOne.equals(withoutOne) ? l : Math.max(l, scorer.logLikelihood(withoutOne));
        };
        return new Reading(text, WordsCandidates.of(text, lang, TRUST), evidence);
    }
}
