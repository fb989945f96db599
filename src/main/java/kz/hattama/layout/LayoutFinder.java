package kz.hattama.layout;

import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.LayoutDef;
import kz.hattama.ingest.Mats;
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
 * and small normalization errors do not matter. The form's layout says what to expect in page
 * order: blocks of line fields (a short digits rule and a long words rule under a label) and at
 * most one block of table rows between them.
 */
public final class LayoutFinder {

    /** Distances below are in pixels of a page {@link PageNormalizer#PAGE_WIDTH} wide. */
    static final double RULE_MIN_LENGTH = 100;
    static final double RULE_BRIDGE = 20;
    /** Handwriting stands this tall over its rule; printed labels start just above. */
    static final double WRITING_ABOVE = 55;
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
    /**
     * The label line just above a value line lies between these heights over its digits rule
     * (its letters about 60-90 px up; handwriting reaches 45-55 px up).
     */
    private static final double LABEL_BAND_TOP = 105;
    private static final double LABEL_BAND_BOTTOM = 45;
    /** Labels start a little left of the digits rule; this width holds their first 25-30 letters. */
    private static final double LABEL_LEFT = 30;
    private static final double LABEL_WIDTH = 420;
    /**
     * Under the last line of a first side printed alone the sheet is blank but for a fold or a seal; a whole form goes
     * on with its table's text on more than this share of the rows.
     */
    private static final double SIDE_END_BLANK = 0.3;
    /** The commission's signature rules are printed this close to one another's ends. */
    private static final double SIGNATURE_RULE_ALIGN = 20;
    /** A signature dips this far under its rule, into the space over the next signature line. */
    private static final double SIGNATURE_DIP = 10;
    /** The first line of a party's name under the row's top rule. */
    private static final double NAME_BAND = 40;

    /** Places the fields by the rulings alone: none is anchored on its label. */
    public Layout find(Mat page, FormDefinition form) {
        return find(page, form, LabelReader.NONE);
    }

    /**
     * Places each field where its printed label is: the rulings give the candidate value lines
     * and table rows, {@code labels} reads the label band of each, and a line field goes to the
     * candidate whose label is its own (in page order, so that a crease, a seal's ring or a
     * signature line, which carry no label, are passed over). A field whose label was not read
     * falls back to the rulings' page order and is marked not anchored.
     */
    public Layout find(Mat page, FormDefinition form, LabelReader labels) {
        double unit = (double) page.cols() / PageNormalizer.PAGE_WIDTH;
        Layout sharp;
        try {
            sharp = find(page, form, labels, unit, InkMask.SHARP);
        } catch (NotAProtocolException e) {
            // A shaken photo's rules are pale bands the sharp threshold drops, the table's first; its handwriting is
            // still legible. Its labels are not, so nothing found this way is anchored on print.
            try {
                return find(page, form, labels, unit, InkMask.FAINT);
            } catch (NotAProtocolException faint) {
                throw e;
            }
        }
        if (sharp.sides().size() == form.layout().sides().size()) {
            return sharp;
        }
        // One side alone by the sharp threshold may be a whole form whose table and print below went pale.
        try {
            Layout faint = find(page, form, labels, unit, InkMask.FAINT);
            return faint.sides().size() > sharp.sides().size() ? faint : sharp;
        } catch (NotAProtocolException e) {
            return sharp;
        }
    }

    private Layout find(Mat page, FormDefinition form, LabelReader labels, double unit, int contrast) {
        Mat ink = InkMask.of(page, unit, contrast);
        try {
            return find(page, ink, form, labels, unit);
        } finally {
            Mats.release(ink);
        }
    }

    /**
     * Which sides of the sheet the page shows is told by what is printed on it: a form printed on both sides has the
     * lines before its table on the first side and the table and what follows on the second, so a table with no value
     * line above it is the second side alone (its running head above), and value lines with no table and none of the
     * second side's labels below them are the first side alone.
     */
    private Layout find(Mat page, Mat ink, FormDefinition form, LabelReader labels, double unit) {
        RuleDetector rules = new RuleDetector((int) Math.round(RULE_MIN_LENGTH * unit), (int) Math.round(RULE_BRIDGE * unit));
        List<Rule> horizontal = awayFromBorder(rules.horizontal(ink), page.cols(), page.rows());
        List<Rule> vertical = awayFromBorder(rules.vertical(ink), page.rows(), page.cols());

        FormBlocks blocks = FormBlocks.of(form);
        LayoutDef layout = form.layout();
        TableGrid table = null;
        if (!blocks.table().isEmpty()) {
            table = new TableFinder(unit).find(horizontal, vertical, blocks.table().size()).orElse(null);
            if (table == null && !blocks.firstSideAlone(layout)) {
                throw new NotAProtocolException(
                        "no ruled table with " + blocks.table().size() + " rows, as form " + form.id() + " has");
            }
        }
        List<ValueLine> lines = new ValueLineFinder(unit).find(outside(horizontal, table, unit));
        Zones zones = new Zones(unit, page.cols(), page.rows());
        Anchors anchors = new Anchors(page, labels, zones);

        Map<String, FieldZones> found = new HashMap<>();
        Map<String, ValueLine> placedLines = new HashMap<>();
        double tableTop = table == null ? Double.MAX_VALUE : table.top();
        double tableBottom = table == null ? Double.MAX_VALUE : table.bottom();
        List<ValueLine> above = lines.stream().filter(l -> l.y() < tableTop).toList();
        List<ValueLine> below = lines.stream().filter(l -> l.y() > tableBottom).toList();
        List<Integer> sides = allSides(layout);
        boolean laterSideAlone = table != null && above.isEmpty() && blocks.tableSideAlone(layout);
        List<Slot> beforeSlots = laterSideAlone ? List.of() : anchors.lines(blocks.before(), above, true);
        int mappedLines = laterSideAlone ? 0 : place(blocks.before(), beforeSlots, -1, zones, found, placedLines);
        if (laterSideAlone) {
            sides = List.of(layout.sideOf(blocks.table().get(0).key()));
        }
        double floor = -1;
        if (table != null) {
            boolean[] rowAnchored = anchors.rows(blocks.table(), table);
            for (int i = 0; i < blocks.table().size(); i++) {
                found.put(blocks.table().get(i).key(), zones.tableRow(table, i, rowAnchored[i]));
            }
            floor = table.bottom() + CELL_INSET * unit;
        } else if (!blocks.table().isEmpty()) {
            // No table: the first side alone, unless the lines after the table are found under the first side's.
            ValueLine last = beforeSlots.stream().filter(java.util.Objects::nonNull).map(Slot::line)
                    .reduce((a, b) -> b).orElse(null);
            below = last == null ? List.of() : lines.stream().filter(l -> l.y() > last.y()).toList();
        }
        List<Slot> afterSlots = anchors.lines(blocks.after(), below, false);
        if (table == null && !blocks.table().isEmpty()) {
            if (afterSlots.stream().noneMatch(sl -> sl != null && sl.anchored())) {
                ValueLine last = beforeSlots.stream().filter(java.util.Objects::nonNull).map(Slot::line)
                        .reduce((a, b) -> b).orElse(null);
                if (last != null && printedBelow(ink, zones.bottomOf(last), unit) > SIDE_END_BLANK) {
                    // The page goes on under the first side's lines: a whole form whose table was not found (blur, a
                    // fold), not a first side alone, whose missing second side a volunteer would be sent after.
                    throw new NotAProtocolException("no ruled table with " + blocks.table().size() + " rows, as form "
                            + form.id() + " has, though print goes on under its first side's lines");
                }
                afterSlots = java.util.Collections.nCopies(blocks.after().size(), null);
                sides = List.of(layout.sideOf(blocks.before().get(0).key()));
            }
        }
        mappedLines += place(blocks.after(), afterSlots, floor, zones, found, placedLines);
        int lineFields = (laterSideAlone ? 0 : blocks.before().size()) + blocks.after().size();
        if (table == null && !blocks.table().isEmpty() && mappedLines == 0) {
            throw new NotAProtocolException("no ruled table with " + blocks.table().size() + " rows, as form " + form.id()
                    + " has, and none of the " + blocks.before().size() + " value lines of its first side");
        }
        if (lineFields > 0 && mappedLines == 0) {
            throw new NotAProtocolException("found " + lines.size() + " value lines where form " + form.id()
                    + " has " + blocks.before().size() + " before its table and " + blocks.after().size() + " after");
        }
        WritingBands.follow(ink, placedLines, found, zones);
        Map<String, FieldZones> fields = new LinkedHashMap<>();
        for (FieldDef f : form.fields()) {
            if (found.containsKey(f.key())) {
                fields.put(f.key(), found.get(f.key()));
            }
        }
        ValueLine firstLine = beforeSlots.stream().filter(java.util.Objects::nonNull).map(Slot::line).findFirst()
                .orElse(above.isEmpty() ? null : above.get(0));
        double firstTop = firstLine != null ? firstLine.digits().minAcross() - WRITING_ABOVE * unit
                : table != null ? table.top() : 0;
        Rect header = zones.header(ink, firstTop, LABEL_LINE_GAP * unit);
        List<Rect> signatures = List.of();
        int signatureSide = layout.signatureSide();
        if (signatureSide > 0 && sides.contains(signatureSide)) {
            double end = afterSlots.stream().filter(java.util.Objects::nonNull).mapToDouble(sl -> zones.bottomOf(sl.line()))
                    .max().orElse(table != null ? table.bottom() : Double.MAX_VALUE);
            signatures = signatureLines(horizontal, lines, end, layout.signatures().lines().size(), zones);
        }
        return new Layout(header, fields, sides, signatures);
    }

    /** The share of the rows from {@code top} down to the bottom margin that hold ink across the page. */
    private static double printedBelow(Mat ink, double top, double unit) {
        int width = ink.cols();
        int y0 = (int) Math.max(0, Math.min(ink.rows(), top));
        int y1 = (int) Math.max(y0, ink.rows() - BORDER_MARGIN * ink.rows() - 40 * unit);
        if (y1 <= y0) {
            return 0;
        }
        int[] profile = InkMask.rowProfile(ink, (int) (0.05 * width), (int) (0.95 * width), y0, y1);
        int minInk = Math.max(4, (int) (0.003 * width));
        long inked = java.util.Arrays.stream(profile).filter(c -> c >= minInk).count();
        return (double) inked / profile.length;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<Integer> allSides(LayoutDef layout) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= layout.sides().size(); i++) {
            all.add(i);
        }
        return all;
    }

    /**
     * The commission's signature rules under the last field, from the top down: single rules (a value line is a pair),
     * at most as many as the form has signature lines. Empty when fewer than the form's first three are found, so that
     * a missing rule never shifts a signature onto another role.
     */
    private static List<Rect> signatureLines(List<Rule> horizontal, List<ValueLine> valueLines, double below,
                                             int expected, Zones zones) {
        List<Rule> candidates = new ArrayList<>();
        for (Rule r : horizontal) {
            boolean ofValueLine = valueLines.stream().anyMatch(v -> v.digits() == r || v.words() == r);
            if (!ofValueLine && r.minAcross() > below && r.end() - r.start() < zones.width * 0.4) {
                candidates.add(r);
            }
        }
        candidates.sort(java.util.Comparator.comparingDouble(Rule::minAcross));
        // The printed rules start and end alike; a long flat signature stroke found as a rule does not.
        if (!candidates.isEmpty()) {
            double start = median(candidates.stream().mapToDouble(Rule::start).toArray());
            double end = median(candidates.stream().mapToDouble(Rule::end).toArray());
            double tolerance = SIGNATURE_RULE_ALIGN * zones.unit;
            candidates.removeIf(r -> Math.abs(r.start() - start) > tolerance || Math.abs(r.end() - end) > tolerance);
        }
        if (candidates.size() < Math.min(3, expected)) {
            return List.of();
        }
        List<Rect> out = new ArrayList<>();
        double ceiling = below;
        for (Rule r : candidates.subList(0, Math.min(expected, candidates.size()))) {
            out.add(zones.signature(r, ceiling));
            ceiling = r.maxAcross() + SIGNATURE_DIP * zones.unit;
        }
        return out;
    }

    /** A field's value line, and whether its label was read next to it. */
    record Slot(ValueLine line, boolean anchored) {
    }

    /** Puts each line field of a block on its slot; returns how many had one. */
    private static int place(List<FieldDef> defs, List<Slot> slots, double floor, Zones zones, Map<String, FieldZones> out,
                             Map<String, ValueLine> lines) {
        int placed = 0;
        for (int i = 0; i < defs.size(); i++) {
            Slot s = slots.get(i);
            if (s == null) {
                floor = -1;
                continue;
            }
            out.put(defs.get(i).key(), zones.line(s.line(), floor, s.anchored()));
            lines.put(defs.get(i).key(), s.line());
            floor = zones.bottomOf(s.line());
            placed++;
        }
        return placed;
    }

    /**
     * Matches fields to candidate value lines by the labels printed above them. The match keeps
     * page order (an alignment, like two texts' letters) and takes the pairs whose labels agree
     * best overall; a candidate no label agrees with is no field's line. Fields left over between
     * two anchored ones share the candidates left between those by the rulings' page order.
     */
    private record Anchors(Mat page, LabelReader labels, Zones zones) {

        List<Slot> lines(List<FieldDef> defs, List<ValueLine> candidates, boolean nearestLast) {
            if (defs.isEmpty()) {
                return List.of();
            }
            int[] match = labels == LabelReader.NONE ? unmatched(defs.size())
                    : align(similarities(defs, candidates, false), defs.size());
            List<Slot> slots = new ArrayList<>(Collections.nCopies(defs.size(), null));
            int j = 0;
            while (j < defs.size()) {
                if (match[j] >= 0) {
                    slots.set(j, new Slot(candidates.get(match[j]), true));
                    j++;
                    continue;
                }
                int from = j;
                while (j < defs.size() && match[j] < 0) {
                    j++;
                }
                int lo = from == 0 ? -1 : match[from - 1];
                int hi = j == defs.size() ? candidates.size() : match[j];
                // Unmatched fields keep to the anchored field next to them: extra lines are taken
                // to be on the far side (a crease, a signature line), as the block's outer side
                // (the header or the signatures) is where no anchor is at all.
                boolean before = lo < 0, after = hi == candidates.size();
                boolean last = before && after ? nearestLast : before || !after && nearestLast;
                List<ValueLine> guess = slots(candidates.subList(lo + 1, hi), j - from, last);
                for (int k = from; k < j; k++) {
                    ValueLine l = guess.get(k - from);
                    slots.set(k, l == null ? null : new Slot(l, false));
                }
            }
            return slots;
        }

        private double[][] similarities(List<FieldDef> defs, List<ValueLine> candidates, boolean tableRows) {
            double[][] s = new double[candidates.size()][defs.size()];
            for (int i = 0; i < candidates.size(); i++) {
                s[i] = similarities(defs, zones.labelBand(candidates.get(i)), tableRows);
            }
            return s;
        }

        /**
         * How well the band reads as each field's label; a band whose quick reading shows no label
         * is read again carefully (a crease's or a signature line's band always is: the price of
         * not taking a label for missing on a poor picture).
         */
        private double[] similarities(List<FieldDef> defs, Rect band, boolean tableRows) {
            double[] s = new double[defs.size()];
            if (band.area() == 0) {
                return s;
            }
            Mat crop = page.submat(band);
            try {
                if (score(labels.read(crop), defs, tableRows, s) < LabelMatcher.CONFIRMED) {
                    score(labels.reread(crop), defs, tableRows, s);
                }
            } finally {
                Mats.release(crop);
            }
            return s;
        }

        /** Raises each field's similarity to what {@code text} shows; returns the best. */
        private static double score(String text, List<FieldDef> defs, boolean tableRows, double[] s) {
            double best = 0;
            for (int j = 0; j < defs.size(); j++) {
                s[j] = Math.max(s[j], LabelMatcher.similarity(text, defs.get(j), tableRows));
                best = Math.max(best, s[j]);
            }
            return best;
        }

        /**
         * Each table row is anchored when the first line of its name cell, just under the row's top
         * rule, reads as its own party's name in the page-order matching of rows to parties, or
         * else when its number cell reads as its number: on a shrunk picture the names' small type
         * is often past reading while the numbers, set larger, are not.
         */
        boolean[] rows(List<FieldDef> defs, TableGrid table) {
            boolean[] anchored = new boolean[defs.size()];
            if (labels == LabelReader.NONE) {
                return anchored;
            }
            double[][] s = new double[defs.size()][];
            for (int i = 0; i < defs.size(); i++) {
                s[i] = similarities(defs, zones.nameBand(table, i), true);
            }
            int[] match = align(s, defs.size());
            for (int i = 0; i < defs.size(); i++) {
                anchored[i] = match[i] == i;
                Rect number = zones.numberCell(table, i);
                if (!anchored[i] && number.area() > 0) {
                    Mat cell = page.submat(number);
                    try {
                        anchored[i] = LabelMatcher.isNumber(labels.readNumber(cell), defs.get(i));
                    } finally {
                        Mats.release(cell);
                    }
                }
            }
            return anchored;
        }

        private static int[] unmatched(int n) {
            int[] none = new int[n];
            java.util.Arrays.fill(none, -1);
            return none;
        }

        /**
         * The page-order matching of candidates (rows of {@code s}) to fields (columns) of greatest
         * total similarity, pairs below {@link LabelMatcher#CONFIRMED} not allowed; the candidate
         * of each field, or -1.
         */
        static int[] align(double[][] s, int n) {
            int m = s.length;
            double[][] best = new double[m + 1][n + 1];
            for (int i = 1; i <= m; i++) {
                for (int j = 1; j <= n; j++) {
                    double b = Math.max(best[i - 1][j], best[i][j - 1]);
                    if (s[i - 1][j - 1] >= LabelMatcher.CONFIRMED) {
                        b = Math.max(b, best[i - 1][j - 1] + s[i - 1][j - 1]);
                    }
                    best[i][j] = b;
                }
            }
            int[] match = new int[n];
            java.util.Arrays.fill(match, -1);
            int i = m, j = n;
            while (i > 0 && j > 0) {
                // On a tie the pair is taken: a label that two bands show equally well (a party
                // name's one Cyrillic word) goes to the band at its own place in the order.
                if (s[i - 1][j - 1] >= LabelMatcher.CONFIRMED && best[i][j] == best[i - 1][j - 1] + s[i - 1][j - 1]) {
                    match[j - 1] = i - 1;
                    i--;
                    j--;
                } else if (best[i][j] == best[i - 1][j]) {
                    i--;
                } else {
                    j--;
                }
            }
            return match;
        }
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

    /**
     * The side's blocks as the finder reads them: the line blocks above its one table, the table, the line blocks
     * below it (rulings locate a single table; a side without one is all lines).
     */
    private record FormBlocks(List<FieldDef> before, List<FieldDef> table, List<FieldDef> after) {

        /** The blocks of the form printed on one side: every side's, in order. */
        static FormBlocks of(FormDefinition form) {
            List<FieldDef> before = new ArrayList<>(), table = new ArrayList<>(), after = new ArrayList<>();
            for (LayoutDef.Block block : form.layout().blocks()) {
                List<FieldDef> defs = block.fields().stream().map(form::field).toList();
                if (block.isTable()) {
                    if (!table.isEmpty()) {
                        throw new IllegalArgumentException("form " + form.id() + " has more than one table on a side");
                    }
                    table.addAll(defs);
                } else {
                    (table.isEmpty() ? before : after).addAll(defs);
                }
            }
            return new FormBlocks(before, table, after);
        }

        /** Printed on both sides, the table opens a later side (under its running head). */
        boolean tableSideAlone(LayoutDef layout) {
            if (!layout.twoSided() || table.isEmpty()) {
                return false;
            }
            int side = layout.sideOf(table.get(0).key());
            return side > 1 && layout.sides().get(side - 1).fields().get(0).equals(table.get(0).key());
        }

        /** Printed on both sides, the lines before the table are the whole first side. */
        boolean firstSideAlone(LayoutDef layout) {
            return layout.twoSided() && !before.isEmpty()
                    && layout.sides().get(0).fields().equals(before.stream().map(FieldDef::key).toList());
        }
    }

    /** Turns found rulings into crop rectangles, clipped to the page. */
    static final class Zones {
        final double unit;
        final int width;
        private final int height;

        Zones(double unit, int width, int height) {
            this.unit = unit;
            this.width = width;
            this.height = height;
        }

        FieldZones line(ValueLine l, double floor, boolean anchored) {
            Rect digits = above(l.digits());
            Rect words = above(l.words());
            double top = Math.min(digits.y, words.y);
            if (floor >= 0) {
                top = Math.min(top, floor);
            }
            Rect box = rect(l.digits().start() - SIDE_PAD * unit, top, l.words().end() + SIDE_PAD * unit, bottomOf(l));
            return new FieldZones(digits, words, box, anchored);
        }

        double bottomOf(ValueLine l) {
            return Math.max(l.digits().maxAcross(), l.words().maxAcross()) + HINTS_BELOW * unit;
        }

        FieldZones tableRow(TableGrid t, int row, boolean anchored) {
            double[] c = t.columns();
            int n = c.length;
            Rule upper = t.rowRules().get(row), lower = t.rowRules().get(row + 1);
            return new FieldZones(cell(upper, lower, c[n - 3], c[n - 2]), cell(upper, lower, c[n - 2], c[n - 1]),
                    rect(c[0], upper.minAcross(), c[n - 1], lower.maxAcross()), anchored);
        }

        /**
         * Where the last line of a value line's label is printed: above the handwriting, starting
         * a little left of the digits rule, as wide as the label's first words. Only that line, so
         * that a crease under a value line does not read its neighbour's label as its own.
         */
        Rect labelBand(ValueLine l) {
            double x = l.digits().start() - LABEL_LEFT * unit;
            double rule = l.digits().minAcross();
            Rect band = rect(x, rule - LABEL_BAND_TOP * unit, x + LABEL_WIDTH * unit, rule - LABEL_BAND_BOTTOM * unit);
            // A candidate at the page's edge (a stroke, a crease's end) leaves a sliver no label fits in.
            return band.width < LABEL_WIDTH * unit / 2 ? new Rect() : band;
        }

        /** A table row's number cell, the first column. */
        Rect numberCell(TableGrid t, int row) {
            double[] c = t.columns();
            if (c.length < 4) {
                return new Rect();
            }
            return cell(t.rowRules().get(row), t.rowRules().get(row + 1), c[0], c[1]);
        }

        /** The first printed line of a table row's name cell, just under the row's top rule. */
        Rect nameBand(TableGrid t, int row) {
            double[] c = t.columns();
            if (c.length < 4) {
                return new Rect();
            }
            Rule upper = t.rowRules().get(row);
            double left = c[1] + CELL_INSET * unit;
            double right = Math.min(left + LABEL_WIDTH * unit, c[c.length - 3] - CELL_INSET * unit);
            return rect(left, Math.max(upper.at(left), upper.at(right)) + CELL_INSET * unit, right,
                    upper.maxAcross() + NAME_BAND * unit);
        }

        /**
         * Where a signature is written: over its rule, from end to end, not above {@code ceiling}, where the line
         * above ends (a signature there dips a little under its own rule).
         */
        Rect signature(Rule r, double ceiling) {
            return rect(r.start(), Math.max(ceiling, r.minAcross() - WRITING_ABOVE * unit), r.end(),
                    r.maxAcross() + WRITING_BELOW * unit);
        }

        Rect header(Mat ink, double firstFieldTop, double labelGap) {
            return rect(0, 0, width, labelTop(ink, firstFieldTop, labelGap));
        }

        /** The zone over a rule with its writing between {@code up} above and {@code down} below it (page units). */
        Rect band(Rule r, double up, double down) {
            return rect(r.start() - SIDE_PAD * unit, r.minAcross() - up * unit, r.end() + SIDE_PAD * unit,
                    r.maxAcross() + down * unit);
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
