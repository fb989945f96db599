package kz.hattama.numerals;

/**
 * One interpretation of a number written in words.
 *
 * @param value     the number, 0 … 999 999
 * @param cost      normalized edit cost of reading the text as this number (see
 *                  {@link NumberWords#parse}); 0.0 means the text spells it exactly
 * @param canonical the clean words for {@code value}, in the style the text was written in
 *                  (with or without the optional leading «одна»/«бір»)
 */
public record NumberReading(int value, double cost, String canonical) {
}
