package kz.hattama.protocol;

import java.util.List;

/**
 * One figure as read. {@code value} is the figure as written in digits; {@code digits} and
 * {@code words} are the two independent readings, kept apart so a disagreement stays visible.
 * Any of the numbers may be null where nothing could be read. {@code reasons} say why the figure needs a person;
 * empty when it does not.
 */
public record FieldResult(String key, Integer value, Integer digits, Integer words, String digitsText,
                          String wordsText, double confidence, FieldStatus status, List<ReviewReason> reasons, Box box) {

    public FieldResult {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
