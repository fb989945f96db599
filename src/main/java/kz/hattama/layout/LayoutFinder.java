package kz.hattama.layout;

import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.image.PageNormalizer;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Locates the form's fields on a normalized page from its printed rulings, so that scale, offset
 * and small normalization errors do not matter. The form definition says what to expect in page
 * order: line fields (a short digits rule and a long words rule under a label), then a block of
 * table rows, then more line fields.
 */
public final class LayoutFinder {

    /** Distances below are in pixels of a page {@link PageNormalizer#PAGE_WIDTH} wide. */
    private static final double RULE_MIN_LENGTH = 100;
    private static final double RULE_BRIDGE = 20;
    /** Handwriting stands this tall over its rule; printed labels start just above. */
    private static final double WRITING_ABOVE = 55;
    /** Handwriting sits on the rule and dips a little below it; the printed hint starts lower. */
    private static final double WRITING_BELOW = 6;
    private static final double SIDE_PAD = 10;
    /** Depth of the «(цифрами)»/«(прописью)» hints under a value line. */
    private static final double HINTS_BELOW = 40;
    /** Keeps cell borders out of table-cell crops. */
    private static final double CELL_INSET = 4;
    /** Printed lines of one label are closer than this; the header is set off by a wider gap. */
    private static final double LABEL_LINE_GAP = 18;
    private static final double BORDER_MARGIN = 0.02;
    /**
     * Adjacent value lines are one or two label lines apart (pitches within a factor 1.3 on this
     * form); a gap this many times the narrowest one has a line missing in it.
     */
    private static final double MISSING_LINE_GAP = 1.6;

    public Layout find(Mat page, FormDefinition form) {
        double unit = (double) page.cols() / PageNormalizer.PAGE_WIDTH;
        Mat ink = InkMask.of(page, unit);
        RuleDetector rules = new RuleDetector((int) Math.round(RULE_MIN_LENGTH * unit), (int) Math.round(RULE_BRIDGE * unit));
        List<Rule> horizontal = awayFromBorder(rules.horizontal(ink), page.cols(), page.rows());
        List<Rule> vertical = awayFromBorder(rules.vertical(ink), page.rows(), page.cols());

        FormBlocks blocks = FormBlocks.of(form);
        TableGrid table = null;
        if (!blocks.table().isEmpty()) {
            table = new TableFinder(unit).find(horizontal, vertical, blocks.table().size())
                    .orElseThrow(() -> new NotAProtocolException(
                            "no ruled table with " + blocks.table().size() + " rows, as form " + form.id() + " has"));
        }
        List<ValueLine> lines = new ValueLineFinder(unit).find(outside(horizontal, table, unit));
        Zones zones = new Zones(unit, page.cols(), page.rows());

        Map<String, FieldZones> found = new HashMap<>();
        double tableTop = table == null ? Double.MAX_VALUE : table.top();
        double tableBottom = table == null ? Double.MAX_VALUE : table.bottom();
        List<ValueLine> above = lines.stream().filter(l -> l.y() < tableTop).toList();
        List<ValueLine> below = lines.stream().filter(l -> l.y() > tableBottom).toList();
        List<ValueLine> beforeSlots = slots(above, blocks.before().size(), true);
        int mappedLines = place(blocks.before(), beforeSlots, -1, zones, found);
        if (table != null) {
            for (int i = 0; i < blocks.table().size(); i++) {
                found.put(blocks.table().get(i).key(), zones.tableRow(table, i));
            }
        }
        mappedLines += place(blocks.after(), slots(below, blocks.after().size(), false),
                table == null ? -1 : table.bottom() + CELL_INSET * unit, zones, found);
        int lineFields = blocks.before().size() + blocks.after().size();
        if (lineFields > 0 && mappedLines == 0) {
            throw new NotAProtocolException("found " + lines.size() + " value lines where form " + form.id()
                    + " has " + blocks.before().size() + " before its table and " + blocks.after().size() + " after");
        }
        Map<String, FieldZones> fields = new LinkedHashMap<>();
        for (FieldDef f : form.fields()) {
            if (found.containsKey(f.key())) {
                fields.put(f.key(), found.get(f.key()));
            }
        }
        ValueLine firstLine = beforeSlots.stream().filter(java.util.Objects::nonNull).findFirst()
                .orElse(above.isEmpty() ? null : above.get(0));
        double firstTop = firstLine != null ? firstLine.digits().minAcross() - WRITING_ABOVE * unit
                : table != null ? table.top() : 0;
        Rect header = zones.header(ink, firstTop, LABEL_LINE_GAP * unit);
        ink.release();
        return new Layout(header, fields);
    }

    /** Puts each line field of a block on its slot; returns how many had one. */
    private static int place(List<FieldDef> defs, List<ValueLine> slots, double floor, Zones zones, Map<String, FieldZones> out) {
        int placed = 0;
        for (int i = 0; i < defs.size(); i++) {
            ValueLine l = slots.get(i);
            if (l == null) {
                floor = -1;
                continue;
            }
            out.put(defs.get(i).key(), zones.line(l, floor));
            floor = zones.bottomOf(l);
            placed++;
        }
        return placed;
    }

    /**
     * The block's value lines, one per field in page order, null where a field's rules were not
     * found. Extra lines are dropped on the side away from the table, where the page header is (or
     * the signatures). One missing line is placed only where the spacing shows it (a single gap
     * much wider than the others); otherwise the block is left out, because guessing which line is
     * missing would hand a figure to the wrong field.
     */
    static List<ValueLine> slots(List<ValueLine> found, int expected, boolean nearestLast) {
        if (found.size() >= expected) {
            return nearestLast ? found.subList(found.size() - expected, found.size()) : found.subList(0, expected);
        }
        if (found.size() == expected - 1 && found.size() >= 3) {
            int gap = singleWideGap(found);
            if (gap >= 0) {
                List<ValueLine> withHole = new ArrayList<>(found);
                withHole.add(gap + 1, null);
                return withHole;
            }
        }
        return Collections.nCopies(expected, null);
    }

    /** Index of the one gap between consecutive lines that is too wide for adjacent fields, or -1. */
    private static int singleWideGap(List<ValueLine> lines) {
        double narrowest = Double.MAX_VALUE;
        for (int i = 0; i + 1 < lines.size(); i++) {
            narrowest = Math.min(narrowest, lines.get(i + 1).y() - lines.get(i).y());
        }
        int wide = -1;
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i + 1).y() - lines.get(i).y() >= MISSING_LINE_GAP * narrowest) {
                if (wide >= 0) {
                    return -1;
                }
                wide = i;
            }
        }
        return wide;
    }

    /** Photos may keep a strip of the surface at the page edge; its border is no printed rule. */
    private static List<Rule> awayFromBorder(List<Rule> rules, int alongSize, int acrossSize) {
        double margin = BORDER_MARGIN * Math.max(alongSize, acrossSize);
        return rules.stream()
                .filter(r -> r.minAcross() > margin && r.maxAcross() < acrossSize - margin)
                .toList();
    }

    private static List<Rule> outside(List<Rule> horizontal, TableGrid table, double unit) {
        if (table == null) {
            return horizontal;
        }
        double tol = 10 * unit;
        return horizontal.stream()
                .filter(r -> r.maxAcross() < table.top() - tol || r.minAcross() > table.bottom() + tol)
                .toList();
    }

    /** The form's fields split around its one block of table rows. */
    private record FormBlocks(List<FieldDef> before, List<FieldDef> table, List<FieldDef> after) {

        static FormBlocks of(FormDefinition form) {
            List<FieldDef> all = form.fields();
            int first = -1, last = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).isTableRow()) {
                    if (first < 0) {
                        first = i;
                    } else if (last != i - 1) {
                        throw new IllegalArgumentException("form " + form.id() + " has table rows in more than one block");
                    }
                    last = i;
                }
            }
            if (first < 0) {
                return new FormBlocks(all, List.of(), List.of());
            }
            return new FormBlocks(all.subList(0, first), all.subList(first, last + 1), all.subList(last + 1, all.size()));
        }
    }

    /** Turns found rulings into crop rectangles, clipped to the page. */
    private static final class Zones {
        private final double unit;
        private final int width;
        private final int height;

        Zones(double unit, int width, int height) {
            this.unit = unit;
            this.width = width;
            this.height = height;
        }

        FieldZones line(ValueLine l, double floor) {
            Rect digits = above(l.digits());
            Rect words = above(l.words());
            double top = Math.min(digits.y, words.y);
            if (floor >= 0) {
                top = Math.min(top, floor);
            }
            Rect box = rect(l.digits().start() - SIDE_PAD * unit, top, l.words().end() + SIDE_PAD * unit, bottomOf(l));
            return new FieldZones(digits, words, box);
        }

        double bottomOf(ValueLine l) {
            return Math.max(l.digits().maxAcross(), l.words().maxAcross()) + HINTS_BELOW * unit;
        }

        FieldZones tableRow(TableGrid t, int row) {
            double[] c = t.columns();
            int n = c.length;
            Rule upper = t.rowRules().get(row), lower = t.rowRules().get(row + 1);
            return new FieldZones(cell(upper, lower, c[n - 3], c[n - 2]), cell(upper, lower, c[n - 2], c[n - 1]),
                    rect(c[0], upper.minAcross(), c[n - 1], lower.maxAcross()));
        }

        Rect header(Mat ink, double firstFieldTop, double labelGap) {
            return rect(0, 0, width, labelTop(ink, firstFieldTop, labelGap));
        }

        private Rect above(Rule r) {
            return rect(r.start() - SIDE_PAD * unit, r.minAcross() - WRITING_ABOVE * unit,
                    r.end() + SIDE_PAD * unit, r.maxAcross() + WRITING_BELOW * unit);
        }

        private Rect cell(Rule upper, Rule lower, double left, double right) {
            double inset = CELL_INSET * unit;
            double top = Math.max(upper.at(left), upper.at(right)) + inset;
            double bottom = Math.min(lower.at(left), lower.at(right)) - inset;
            return rect(left + inset, top, right - inset, bottom);
        }

        /**
         * Walks up from the first field through the lines of its label (close together) and stops
         * at the wider gap that sets the label off from the header above.
         */
        private double labelTop(Mat ink, double fieldTop, double labelGap) {
            int bottom = (int) Math.max(0, Math.min(height, fieldTop));
            int top = (int) Math.max(0, bottom - 260 * unit);
            int[] profile = InkMask.rowProfile(ink, (int) (0.05 * width), (int) (0.95 * width), top, bottom);
            int minInk = Math.max(4, (int) (0.003 * width));
            int gap = 0;
            int labelTop = -1;
            for (int r = profile.length - 1; r >= 0; r--) {
                if (profile[r] >= minInk) {
                    labelTop = r;
                    gap = 0;
                } else if (labelTop >= 0 && ++gap > labelGap) {
                    break;
                }
            }
            return labelTop < 0 ? fieldTop : top + labelTop - 4 * unit;
        }

        private Rect rect(double x0, double y0, double x1, double y1) {
            int left = (int) Math.max(0, Math.round(x0));
            int top = (int) Math.max(0, Math.round(y0));
            int right = (int) Math.min(width, Math.round(x1));
            int bottom = (int) Math.min(height, Math.round(y1));
            return new Rect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
        }
    }
}
