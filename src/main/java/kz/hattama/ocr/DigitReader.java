package kz.hattama.ocr;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Reads the figures written in digits (typed or handwritten) from a grey crop of the digits
 * zone: a rule's zone (~65 x 350 px at 200 dpi, rule at the bottom) or a table cell
 * (~96 x 250 px). Model: src/main/resources/models/digits.onnx, built by training/digits.
 *
 * <p>Not thread-safe: one per worker thread.
 */
public final class DigitReader {

    public static final String ALPHABET = "0123456789";
    static final String MODEL = "/models/digits.onnx";
    static final int WIDTH = 256;
    private static final int BEAM = 16;

    private final CtcLineModel model;

    public DigitReader() {
        this.model = new CtcLineModel(MODEL, WIDTH, ALPHABET.length() + 1);
    }

    /**
     * Up to {@code max} readings, best first. Each probability is the model's P(string | crop)
     * summed over all alignments; they sum to at most 1 (the rest is on strings not listed).
     * An empty zone reads as "" .
     */
    public List<DigitCandidate> read(Mat grayCrop, int max) {
        float[][] lp = model.logProbs(grayCrop);
        List<DigitCandidate> out = new ArrayList<>();
        for (Ctc.Hypothesis h : Ctc.beamSearch(lp, ALPHABET, Math.max(BEAM, max), max)) {
            out.add(new DigitCandidate(h.text(), Math.exp(h.logProb())));
        }
        return out;
    }

    /** log P(digits | crop): how well this exact string explains the crop; for reconciling. */
    public double score(Mat grayCrop, String digits) {
        return Ctc.logLikelihood(model.logProbs(grayCrop), ALPHABET, digits);
    }

    /** Per-column log-probabilities, to score several strings against one crop at once. */
    public float[][] logProbs(Mat grayCrop) {
        return model.logProbs(grayCrop);
    }
}
