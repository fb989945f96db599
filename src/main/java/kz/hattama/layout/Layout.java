package kz.hattama.layout;

import org.opencv.core.Rect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are on a normalized page.
 *
 * @param header the top of the page above the first field's label: title, precinct number, address
 * @param fields     zones by field key, in page order; a field whose rulings were not found is absent
 * @param sides      the sides of the sheet the page shows (1-based): every side of the form where it is printed on
 *                   one side, or one of them
 * @param signatures where each signature line of the form is written, from the top down; empty where the page holds
 *                   no signature block or its rules were not found
 */
public record Layout(Rect header, Map<String, FieldZones> fields, List<Integer> sides, List<Rect> signatures) {

    public Layout {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        sides = List.copyOf(sides);
        signatures = List.copyOf(signatures);
    }

    /** A page of a one-sided form. */
    public Layout(Rect header, Map<String, FieldZones> fields) {
        this(header, fields, List.of(1), List.of());
    }

    public List<String> missing(List<String> keys) {
        return keys.stream().filter(k -> !fields.containsKey(k)).toList();
    }
}
