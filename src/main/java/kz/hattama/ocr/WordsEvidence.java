package kz.hattama.ocr;

/**
 * How well one words zone reads as the words of a given number: a recogniser's likelihood of the
 * number's spelling, not a free reading. It lets a figure read from the digits be checked against
 * what is written in words even where the free reading of a cursive hand is too rough to parse.
 */
@FunctionalInterface
public interface WordsEvidence {

    /** log P(the words of value | zone), the likelier of the number's spellings. */
    double logLikelihood(int value);
}
