package kz.hattama.form;

import java.util.List;

/**
 * How the form's fields are laid out on paper: its sides in the order they are printed, each a sequence of
 * blocks from the top of the page down. A form printed on both sides of the sheet declares two.
 */
public record LayoutDef(List<Side> sides) {

    /** Lines each under a printed label, with a digits rule on the left and a words rule on the right. */
    public static final String LINES = "lines";
    /** A ruled table, one row per field: number cell, name cell, digits cell, words cell. */
    public static final String TABLE = "table";

    /** One side of the sheet. */
    public record Side(List<Block> blocks) {
    }

    /** Consecutive fields printed alike ({@link #LINES} or {@link #TABLE}), in page order. */
    public record Block(String kind, List<String> fields) {

        public boolean isTable() {
            return TABLE.equals(kind);
        }
    }

    /** The side of a form printed on one side of the sheet; reading a two-sided one is not built yet. */
    public Side single(String formId) {
        if (sides.size() != 1) {
            throw new IllegalArgumentException("form " + formId + " is printed on " + sides.size()
                    + " sides; only one-sided forms are read so far");
        }
        return sides.get(0);
    }

    public List<Block> blocks() {
        return sides.stream().flatMap(s -> s.blocks().stream()).toList();
    }
}
