package kz.hattama.ocr;

/** One alternative for one recognised character, with Tesseract's confidence (0..100). */
public record SymbolChoice(String text, float confidence) {
}
