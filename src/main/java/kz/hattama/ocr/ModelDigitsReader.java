package kz.hattama.ocr;

import kz.hattama.protocol.NumberCandidate;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/** Digits through the trained line recogniser (models/digits.onnx), as n-best numbers. */
public final class ModelDigitsReader implements DigitsZoneReader {

    private static final int MAX_CANDIDATES = 6;

    private final DigitReader model;
    /** A reading with more digits than the form's largest figure has is no figure of the form. */
    private final int maxDigits;

    public ModelDigitsReader(DigitReader model, int maxDigits) {
        this.model = model;
        this.maxDigits = maxDigits;
    }

    @Override
    public Reading read(Mat zone) {
        List<DigitCandidate> readings = model.read(zone, MAX_CANDIDATES);
        List<NumberCandidate> out = new ArrayList<>();
        for (DigitCandidate c : readings) {
            if (!c.digits().isEmpty() && c.digits().length() <= maxDigits) {
                out.add(new NumberCandidate(Integer.parseInt(c.digits()), c.probability()));
            }
        }
        return new Reading(readings.isEmpty() ? "" : readings.get(0).digits(), out);
    }
}
