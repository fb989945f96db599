package kz.hattama.ocr;

import kz.hattama.protocol.NumberCandidate;
import org.opencv.core.Mat;

import java.util.List;

/** Reads the figure written in digits in one zone as n-best numbers, best first. */
public interface DigitsZoneReader {

    Reading read(Mat zone);

    record Reading(String text, List<NumberCandidate> candidates) {
        public static final Reading NONE = new Reading("", List.of());
    }
}
