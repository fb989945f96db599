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
 * @param fields zones by field key, in page order; a field whose rulings were not found is absent
 */
public record Layout(Rect header, Map<String, FieldZones> fields) {

    public Layout {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public List<String> missing(List<String> keys) {
        return keys.stream().filter(k -> !fields.containsKey(k)).toList();
    }
}
