package kz.hattama.recognize;

import kz.hattama.layout.LabelReader;
import kz.hattama.ocr.DigitsZoneReader;
import kz.hattama.ocr.PrecinctReader;
import kz.hattama.ocr.TesseractLabelReader;
import kz.hattama.ocr.TesseractOcr;
import kz.hattama.ocr.WordsZoneReader;

/** The readers one worker thread owns: none of them may be shared between threads. */
public record OcrToolkit(TesseractOcr tesseract, DigitsZoneReader digits, WordsZoneReader words,
                         PrecinctReader precinct) implements AutoCloseable {

    /** Reads the printed labels the layout anchors fields on, with this thread's Tesseract. */
    public LabelReader labels() {
        return new TesseractLabelReader(tesseract);
    }

    @Override
    public void close() {
        tesseract.close();
    }
}
