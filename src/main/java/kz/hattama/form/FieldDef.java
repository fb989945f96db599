package kz.hattama.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One figure of the form. Where it is printed (a line of its own or a row of a table) is the form's
 * {@link LayoutDef}'s to say.
 *
 * @param number    the line's number as printed at the start of its label («1.»; a table row's in the
 *                  row's number cell), or null where the form prints none (a sub-line such as «в том
 *                  числе…»); the layout tells labels that share their first words apart by it
 * @param shortName what people call a choice on the ballot (a party's quoted name «Nur Otan», a candidate's
 *                  surname), shown in the statistics; null where the printed label is short enough
 * @param label     the printed label in each language the form is printed in
 * @param columns   other headings a table of results (the election commission's official results) gives this figure's
 *                  column, beside its key, short name and printed labels; empty where the form lists none
 */
public record FieldDef(String key, String line, String number, String shortName, Map<String, String> label,
                       List<String> columns) {

    public FieldDef {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public FieldDef(String key, String line, String number, String shortName, Map<String, String> label) {
        this(key, line, number, shortName, label, null);
    }

    /** Every heading a results table may give this figure's column: its key, short name, labels and other columns. */
    public List<String> headings() {
        List<String> all = new ArrayList<>();
        all.add(key);
        if (shortName != null) {
            all.add(shortName);
        }
        all.addAll(label.values());
        all.addAll(columns);
        return all;
    }

    public String label(Lang lang) {
        return label.get(lang.code());
    }

    /** The name the statistics give the figure: its short name, else its label in the form's first language. */
    public String displayName() {
        return shortName != null ? shortName : label.values().iterator().next();
    }
}
