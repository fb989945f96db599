package kz.hattama.form;

import java.util.List;
import java.util.Map;

/**
 * How the form's fields are laid out on paper: its sides in the order they are printed, each a sequence of
 * blocks from the top of the page down. The same form is printed on one side of the sheet (every side's blocks follow
 * one another on one page, under the first side's header) or on both (each side on its own page, a side after the
 * first under its running head).
 */
public record LayoutDef(List<Side> sides) {

    /** Lines each under a printed label, with a digits rule on the left and a words rule on the right. */
    public static final String LINES = "lines";
    /** A ruled table, one row per field: number cell, name cell, digits cell, words cell. */
    public static final String TABLE = "table";

    /**
     * One side of the sheet.
     *
     * @param head       a later side's running head by language, with {@code {n}} where the precinct number is
     *                   printed; null for the first side, which has the form's header
     * @param signatures the commission's signature lines, where this side ends with them; null otherwise
     */
    public record Side(Map<String, String> head, List<Block> blocks, Signatures signatures) {

        public List<String> fields() {
            return blocks.stream().flatMap(b -> b.fields().stream()).toList();
        }
    }

    /** Consecutive fields printed alike ({@link #LINES} or {@link #TABLE}), in page order. */
    public record Block(String kind, List<String> fields) {

        public boolean isTable() {
            return TABLE.equals(kind);
        }
    }

    /**
     * The signature block: a rule per line, for the role named in {@code lines} from the top down.
     *
     * @param required the roles whose lines must bear a signature for the protocol to count as signed
     * @param roles    each role's name by language
     */
    public record Signatures(List<String> lines, List<String> required, Map<String, Map<String, String>> roles) {
    }

    public List<Block> blocks() {
        return sides.stream().flatMap(s -> s.blocks().stream()).toList();
    }

    public boolean twoSided() {
        return sides.size() > 1;
    }

    /** The side (1-based) that holds {@code key}. */
    public int sideOf(String key) {
        for (int i = 0; i < sides.size(); i++) {
            if (sides.get(i).fields().contains(key)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no side holds " + key);
    }

    /** The side (1-based) that ends with the signatures, or 0 when the form has none. */
    public int signatureSide() {
        for (int i = 0; i < sides.size(); i++) {
            if (sides.get(i).signatures() != null) {
                return i + 1;
            }
        }
        return 0;
    }

    public Signatures signatures() {
        int side = signatureSide();
        return side == 0 ? null : sides.get(side - 1).signatures();
    }
}
