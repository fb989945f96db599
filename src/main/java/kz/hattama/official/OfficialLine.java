package kz.hattama.official;

import java.util.Map;

/**
 * One precinct's line of the election commission's published results.
 *
 * @param precinct the number as {@link kz.hattama.precinct.Precinct#normalize} writes it
 * @param figures  every field of the form, by key, in form order
 * @param line     the line of the imported file it came from
 */
public record OfficialLine(String precinct, Map<String, Integer> figures, int line) {

    public OfficialLine {
        figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    }
}
