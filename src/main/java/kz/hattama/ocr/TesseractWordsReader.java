package kz.hattama.ocr;

import kz.hattama.form.Lang;
import kz.hattama.protocol.NumberCandidate;
import kz.hattama.ingest.Mats;
import org.opencv.core.Mat;

import java.util.List;

/**
 * Words through Tesseract's Russian or Kazakh model, parsed into n-best numbers by the numerals
 * grammar. A parse's edit cost becomes a probability: an exact parse is near-certain, every
 * repaired letter makes it less so.
 */
public final class TesseractWordsReader implements WordsZoneReader {


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
        OcrLine line;
        try {
            line = ocr.read(cleaned.image(), OcrMode.WORDS, lang == Lang.KK ? "kaz+rus" : "rus");
        } finally {
            Mats.release(cleaned.image());
        }
        double ocrTrust = Math.min(1.0, 0.5 + line.confidence() / 200.0);
        List<NumberCandidate> out = WordsCandidates.of(line.text(), lang, ocrTrust);
        return new Reading(line.text(), out);
    }
}
