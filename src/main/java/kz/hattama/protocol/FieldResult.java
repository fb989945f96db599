package kz.hattama.protocol;

/**
 * One figure as read. {@code value} is the figure as written in digits; {@code digits} and
 * {@code words} are the two independent readings, kept apart so a disagreement stays visible.
 * Any of the numbers may be null where nothing could be read.
 */
public record FieldResult(String key, Integer value, Integer digits, Integer words, String digitsText,
                          String wordsText, double confidence, FieldStatus status, String reason, Box box) {
}
