package kz.hattama.ocr;

/** What a zone holds, which decides the model, segmentation and character set used to read it. */
public enum OcrMode {
    /** A handwritten or typed figure in digits on one line. */
    DIGITS,
    /** A number written out in words on one line. */
    WORDS,
    /** Several printed lines, e.g. the header with the precinct number and address. */
    BLOCK,
    /** One printed line, read for its text alone: the start of a field's label. */
    LABEL
}
