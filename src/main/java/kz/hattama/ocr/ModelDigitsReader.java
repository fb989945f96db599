package kz.hattama.ocr;

import kz.hattama.protocol.NumberCandidate;
import org.opencv.core.Mat;

import java.util.ArrayList;
import java.util.List;

/** Digits through the trained line recogniser (models/digits.onnx), as n-best numbers. */
public final class ModelDigitsReader implements DigitsZoneReader {

    private static final int MAX_CANDIDATES = 6;
    private static final int MAX_DIGITS = 6;

    private final DigitReader model;

    public ModelDigitsReader(DigitReader model) {
        this.model = model;
    }

    @Override
    public Reading read(Mat zone) {
        List<DigitCandidate> readings = model.read(zone, MAX_CANDIDATES);
        List<NumberCandidate> out = new ArrayList<>();
        for (DigitCandidate c : readings) {
            if (!c.digits().isEmpty() && c.digits().length() <= MAX_DIGITS) {
                out.add(new NumberCandidate(Integer.parseInt(c.digits()), c.probability()));
            }
        }
        return new Reading(readings.isEmpty() ? "" : readings.get(0).digits(), out);
    }
}
