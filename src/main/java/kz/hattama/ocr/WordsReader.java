package kz.hattama.ocr;

import java.util.List;
import org.opencv.core.Mat;

/**
 * Reads a number written in words (Russian or Kazakh, typed or handwritten) from a grey crop of
 * the words zone: the long rule's zone (~65 x 1030 px at 200 dpi) or a table cell (~96 x 534 px).
 * Model: src/main/resources/models/words.onnx, built by training/words.
 *
 * <p>Its free reading is rough; its strength is {@link #score}: the likelihood of the words of a
 * candidate number, to check the digits against what is written in words.
 * Not thread-safe: one per worker thread.
 */
public final class WordsReader {

    /** Lower-case letters of the number words of both languages, and the space. */
    public static final String ALPHABET = " абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі";
    static final String MODEL = "/models/words.onnx";
    static final int WIDTH = 1024;
    private static final int BEAM = 8;

    private final CtcLineModel model;

    public WordsReader() {
        this.model = new CtcLineModel(MODEL, WIDTH, ALPHABET.length() + 1);
    }

    /** The most likely text (prefix beam search), lower case, words separated by single spaces. */
    public String readBest(Mat crop) {
        return best(model.logProbs(crop));
    }

    /** The most likely text of a crop's {@link #logProbs}. */
    public static String best(float[][] logp) {
        List<Ctc.Hypothesis> h = Ctc.beamSearch(logp, ALPHABET, BEAM, 1);
        return h.isEmpty() ? "" : h.get(0).text().trim().replaceAll(" +", " ");
    }

    /** log P(text | crop) (CTC forward algorithm); text is lower-cased, spaces normalised. */
    public double score(Mat crop, String text) {
        return score(model.logProbs(crop), text);
    }

    /** log P(text | crop) of a crop's {@link #logProbs}. */
    public static double score(float[][] logp, String text) {
        return Ctc.logLikelihood(logp, ALPHABET, normalise(text));
    }

    /** Per-column log-probabilities, to score several texts against one crop at once. */
    public float[][] logProbs(Mat crop) {
        return model.logProbs(crop);
    }

    public static String normalise(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace('\u00a0', ' ').trim().replaceAll("\\s+", " ");
    }
}
