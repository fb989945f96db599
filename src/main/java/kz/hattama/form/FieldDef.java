package kz.hattama.form;

import java.util.Map;

/**
 * One figure of the form. {@code zone} says how it is laid out: "line" is a digits rule on the
 * left and a words rule on the right under a printed label; "table" is a row of the party table.
 */
public record FieldDef(String key, String line, String zone, Map<String, String> label) {

    public boolean isTableRow() {
        return "table".equals(zone);
    }

    public String label(Lang lang) {
        return label.get(lang.code());
    }
}
