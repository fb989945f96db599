package kz.hattama.ocr;

import java.util.List;

/**
 * A block of printed lines as Tesseract read it: the text, and each word with its box (pixels of the block read), the
 * line it is on (0 first) and the confidence (0..100) of the word and of each of its characters.
 */
public record OcrBlock(String text, List<Word> words) {

    public static final OcrBlock EMPTY = new OcrBlock("", List.of());

    public record Word(String text, float confidence, int x, int y, int width, int height, int line,
                       List<Float> symbolConfidences) {

        public int right() {
            return x + width;
        }
    }
}
