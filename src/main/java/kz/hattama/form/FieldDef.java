package kz.hattama.form;

import java.util.Map;

/**
 * One figure of the form. {@code zone} says how it is laid out: "line" is a digits rule on the
 * left and a words rule on the right under a printed label; "table" is a row of the party table,
 * its label the party's name in the row's name cell.
 *
 * @param number the line's number as printed at the start of its label («1.»; a table row's in the
 *               row's number cell), or null where the form prints none (a sub-line such as «в том
 *               числе…»); the layout tells labels that share their first words apart by it
 */
public record FieldDef(String key, String line, String number, String zone, Map<String, String> label) {

    public FieldDef(String key, String line, String zone, Map<String, String> label) {
        this(key, line, null, zone, label);
    }

    public boolean isTableRow() {
        return "table".equals(zone);
    }

    public String label(Lang lang) {
        return label.get(lang.code());
    }
}
