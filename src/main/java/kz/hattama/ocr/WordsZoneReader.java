package kz.hattama.ocr;

import kz.hattama.form.Lang;
import kz.hattama.protocol.NumberCandidate;
import org.opencv.core.Mat;

import java.util.List;

/** Reads a number written out in words in one zone as n-best numbers, best first. */
public interface WordsZoneReader {

    Reading read(Mat zone, Lang lang);

    /** @param evidence the zone's likelihood of any number's words, or null where the reader cannot tell */
    record Reading(String text, List<NumberCandidate> candidates, WordsEvidence evidence) {
        public static final Reading NONE = new Reading("", List.of(), null);

        public Reading(String text, List<NumberCandidate> candidates) {
            this(text, candidates, null);
        }
    }
}
