package kz.hattama.ocr;

import java.util.List;

/**
 * A zone as the OCR engine read it: the best text, the mean confidence (0..100), and per
 * recognised character its alternatives, best first, so later stages can form n-best readings.
 */
public record OcrLine(String text, double confidence, List<List<SymbolChoice>> symbols) {

    public static final OcrLine EMPTY = new OcrLine("", 0, List.of());

}
