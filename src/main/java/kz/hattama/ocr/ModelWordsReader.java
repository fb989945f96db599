package kz.hattama.ocr;

import kz.hattama.form.Lang;
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
        String text = model.readBest(zone);
        return text.isBlank() ? Reading.NONE : new Reading(text, WordsCandidates.of(text, lang, TRUST));
    }
}
