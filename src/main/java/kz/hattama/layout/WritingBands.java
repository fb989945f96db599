package kz.hattama.layout;

import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Moves a value line's zones to where its writing is. Most people write on the rule, and the zones are drawn over it;
 * some write through the rule or under it, into the printed hint, and a zone over the rule then holds the tops of the
 * figures or nothing. The hint («(цифрами)», «(прописью)») is printed the same under every line of a page, so the
 * least ink found under any line's rule, column by column, is the hint's, and what a line has under its rule beyond
 * that is writing. (A first digit alone hanging through the rule was tried too: the taller zone it took cost more
 * figures than it won on the tuning set.)
 */
final class WritingBands {

    /** How far above and below its rule writing is looked for (page units). */
    private static final double REACH = 50;
    /** The rule's own thickness and a photo's tilt of it are left out of both bands. */
    private static final double RULE_HALF = 5;
    /** Writing under the rule: the zone reaches this far above the rule and {@link #BELOW_DOWN} below it. */
    private static final double BELOW_UP = 15;
    private static final double BELOW_DOWN = 55;
    /** Writing through the rule: the zone keeps its top and reaches this far below the rule. */
    private static final double THROUGH_DOWN = 35;
    /** More writing under the rule than this share of what is over it is writing through the rule. */
    private static final double THROUGH_SHARE = 0.5;
    /** How far apart the same hint's letters may stand under two lines of one page (page units). */
    private static final double HINT_JITTER = 4;
    /** Longer than any stroke of a figure or a word written along the rule (page units). */
    private static final double STRAIGHT_RUN = 60;
    /** The top of a zone may hold the descenders of the label above; left out when looking for writing (page units). */
    private static final double LABEL_DIP = 15;
    /** The bottom of a zone holds its rule (page units). */
    private static final double RULE_SPAN = 9;
    /** Width of a zone's edge, and room left beside writing (page units). */
    private static final double EDGE = 4;
    /** Writing is joined across gaps narrower than this; a wider one ends it (page units). */
    private static final double WRITING_GAP = 18;
    /** Ink pixels a column of writing has at least. */
    private static final int MIN_COLUMN_INK = 2;
    /** Fewer lines than this, and the least ink under a rule need not be the hint's alone. */
    private static final int MIN_LINES = 3;
    /** Ink under the rule beyond the hint, as a share of the band, below which nothing is written there. */
    private static final double MIN_WRITING = 0.02;

    private WritingBands() {
    }

    static void follow(Mat ink, Map<String, ValueLine> lines, Map<String, FieldZones> zones, LayoutFinder.Zones geometry) {
        if (lines.size() < MIN_LINES) {
            return;
        }
        Map<String, Rect> digits = bands(ink, lines, ValueLine::digits, geometry);
        Map<String, Rect> words = bands(ink, lines, ValueLine::words, geometry);
        for (String key : lines.keySet()) {
            FieldZones z = zones.get(key);
            ValueLine line = lines.get(key);
            Rect d = reachLeft(ink, digits.getOrDefault(key, z.digits()), 0, geometry.unit);
            Rect w = reachLeft(ink, words.getOrDefault(key, z.words()), line.digits().end() + EDGE * geometry.unit,
                    geometry.unit);
            if (d != z.digits() || w != z.words()) {
                int bottom = Math.max(z.box().y + z.box().height, Math.max(d.y + d.height, w.y + w.height));
                int left = Math.min(z.box().x, d.x);
                Rect box = new Rect(left, z.box().y, z.box().x + z.box().width - left, bottom - z.box().y);
                zones.put(key, new FieldZones(d, w, box, z.anchored()));
            }
        }
    }

    /**
     * The zone drawn out to the left over writing that its left edge cuts: where a thick pen or a shaken photo lost the
     * start of a rule under the writing, the zone starts where the rule was found, in the middle of the figure. Not past
     * {@code floor}, and only over writing joined to what the edge cuts (gaps narrower than {@link #WRITING_GAP}).
     */
    private static Rect reachLeft(Mat ink, Rect zone, double floor, double unit) {
        int top = zone.y + (int) (LABEL_DIP * unit), bottom = zone.y + zone.height - (int) (RULE_SPAN * unit);
        int edge = (int) Math.max(1, EDGE * unit);
        if (bottom - top < 4 || zone.x - edge <= floor || zone.x <= 0 || zone.x + edge > ink.cols()) {
            return zone;
        }
        int from = (int) Math.max(0, Math.ceil(floor));
        int[] columns;
        Mat band = ink.submat(top, bottom, from, zone.x + edge);
        try {
            columns = columnInk(band);
        } finally {
            Mats.release(band);
        }
        int cut = 0;
        for (int x = columns.length - edge; x < columns.length; x++) {
            cut += columns[x] >= MIN_COLUMN_INK ? 1 : 0;
        }
        if (cut == 0) {
            return zone;
        }
        int gap = (int) (WRITING_GAP * unit), lastInked = columns.length - edge, x = lastInked - 1;
        for (; x >= 0 && lastInked - x <= gap; x--) {
            if (columns[x] >= MIN_COLUMN_INK) {
                lastInked = x;
            }
        }
        int left = Math.max(from, from + lastInked - (int) (EDGE * unit));
        return left >= zone.x ? zone : new Rect(left, zone.y, zone.x + zone.width - left, zone.height);
    }

    /** The zones of one kind of rule (digits or words) that move, by field. */
    private static Map<String, Rect> bands(Mat ink, Map<String, ValueLine> lines, Function<ValueLine, Rule> rule,
                                           LayoutFinder.Zones geometry) {
        double unit = geometry.unit;
        List<String> keys = new ArrayList<>(lines.keySet());
        double[] over = new double[keys.size()];
        Band[] under = new Band[keys.size()];
        int[] hint = new int[ink.cols()];
        java.util.Arrays.fill(hint, Integer.MAX_VALUE);
        boolean anyHint = false;
        for (int i = 0; i < keys.size(); i++) {
            Rule r = rule.apply(lines.get(keys.get(i)));
            over[i] = java.util.Arrays.stream(
                    inked(ink, r, r.minAcross() - REACH * unit, r.minAcross() - RULE_HALF * unit, unit).columns()).sum();
            under[i] = inked(ink, r, r.maxAcross() + RULE_HALF * unit, r.maxAcross() + REACH * unit, unit);
            if (under[i].straight() < r.length()) {
                // A crease across the hint took some of its print with it: that hint is not the page's.
                anyHint = true;
                // Lines' hints stand a few pixels apart on a photo: each is widened by that before the least is taken.
                int jitter = (int) Math.ceil(HINT_JITTER * unit);
                for (int x = 0; x < ink.cols(); x++) {
                    int widest = 0;
                    for (int d = Math.max(0, x - jitter); d <= Math.min(ink.cols() - 1, x + jitter); d++) {
                        widest = Math.max(widest, under[i].columns()[d]);
                    }
                    hint[x] = Math.min(hint[x], widest);
                }
            }
        }
        if (!anyHint) {
            return Map.of();
        }
        Map<String, Rect> moved = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Rule r = rule.apply(lines.get(keys.get(i)));
            double writing = 0;
            for (int x = 0; x < ink.cols(); x++) {
                writing += hint[x] == Integer.MAX_VALUE ? under[i].columns()[x] : Math.max(0, under[i].columns()[x] - hint[x]);
            }
            if (writing < MIN_WRITING * (REACH - RULE_HALF) * unit * r.length()) {
                continue;
            }
            if (writing > over[i]) {
                moved.put(keys.get(i), geometry.band(r, BELOW_UP, BELOW_DOWN));
            } else if (writing > THROUGH_SHARE * over[i]) {
                moved.put(keys.get(i), geometry.band(r, LayoutFinder.WRITING_ABOVE, THROUGH_DOWN));
            }
        }
        return moved;
    }

    /** Ink by page column over a band, and the ink left out of it for running straight along the rule. */
    private record Band(int[] columns, int straight) {
    }

    /**
     * Ink in a band over or under a rule, leaving out whatever runs straight along it further than any stroke of
     * writing: a fold crease beside the rule, or the rule itself where a photo tilts it into the band.
     */
    private static Band inked(Mat ink, Rule r, double top, double bottom, double unit) {
        int[] columns = new int[ink.cols()];
        int x0 = (int) Math.max(0, r.start()), x1 = (int) Math.min(ink.cols(), r.end());
        int y0 = (int) Math.max(0, top), y1 = (int) Math.min(ink.rows(), bottom);
        if (x1 <= x0 || y1 <= y0) {
            return new Band(columns, 0);
        }
        Mat band = ink.submat(y0, y1, x0, x1);
        Mat along = new Mat();
        Mat rest = new Mat();
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(Math.max(3, STRAIGHT_RUN * unit), 1));
        try {
            Imgproc.morphologyEx(band, along, Imgproc.MORPH_OPEN, kernel);
            Core.subtract(band, along, rest);
            System.arraycopy(columnInk(rest), 0, columns, x0, x1 - x0);
            return new Band(columns, Core.countNonZero(along));
        } finally {
            Mats.release(band, along, rest, kernel);
        }
    }

    /** Ink pixels in each column of a mask. */
    private static int[] columnInk(Mat mask) {
        int[] sums = new int[mask.cols()];
        Mat perColumn = new Mat();
        try {
            Core.reduce(mask, perColumn, 0, Core.REDUCE_SUM, org.opencv.core.CvType.CV_32S);
            perColumn.get(0, 0, sums);
        } finally {
            Mats.release(perColumn);
        }
        for (int x = 0; x < sums.length; x++) {
            sums[x] /= 255;
        }
        return sums;
    }
}
