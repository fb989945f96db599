package kz.hattama.ocr;

import kz.hattama.form.Lang;
import kz.hattama.reconcile.NumberCandidate;
import org.opencv.core.Mat;

import java.util.List;

/** Reads a number written out in words in one zone as n-best numbers, best first. */
public interface WordsZoneReader {

    Reading read(Mat zone, Lang lang);

    record Reading(String text, List<NumberCandidate> candidates) {
        public static final Reading NONE = new Reading("", List.of());
    }
}
