package kz.hattama.layout;

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
 * least ink found under any line's rule is the hint's, and what a line has under its rule beyond that is writing.
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
    /** Longer than any stroke of a figure or a word written along the rule (page units). */
    private static final double STRAIGHT_RUN = 60;
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
            Rect d = digits.getOrDefault(key, z.digits()), w = words.getOrDefault(key, z.words());
            if (d != z.digits() || w != z.words()) {
                int bottom = Math.max(z.box().y + z.box().height, Math.max(d.y + d.height, w.y + w.height));
                Rect box = new Rect(z.box().x, z.box().y, z.box().width, bottom - z.box().y);
                zones.put(key, new FieldZones(d, w, box, z.anchored()));
            }
        }
    }

    /** The zones of one kind of rule (digits or words) that move, by field. */
    private static Map<String, Rect> bands(Mat ink, Map<String, ValueLine> lines, Function<ValueLine, Rule> rule,
                                           LayoutFinder.Zones geometry) {
        double unit = geometry.unit;
        List<String> keys = new ArrayList<>(lines.keySet());
        double[] over = new double[keys.size()], under = new double[keys.size()];
        double hint = Double.MAX_VALUE;
        for (int i = 0; i < keys.size(); i++) {
            Rule r = rule.apply(lines.get(keys.get(i)));
            over[i] = inked(ink, r, r.minAcross() - REACH * unit, r.minAcross() - RULE_HALF * unit, unit)[0];
            double[] u = inked(ink, r, r.maxAcross() + RULE_HALF * unit, r.maxAcross() + REACH * unit, unit);
            under[i] = u[0];
            if (u[1] < r.length()) {
                // A crease across the hint took some of its print with it: that hint is not the page's.
                hint = Math.min(hint, under[i]);
            }
        }
        if (hint == Double.MAX_VALUE) {
            return Map.of();
        }
        Map<String, Rect> moved = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Rule r = rule.apply(lines.get(keys.get(i)));
            double writing = under[i] - hint;
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

    /**
     * Ink in a band over or under a rule, leaving out whatever runs straight along it further than any stroke of
     * writing: a fold crease beside the rule, or the rule itself where a photo tilts it into the band. Returns that
     * ink and the ink left out.
     */
    private static double[] inked(Mat ink, Rule r, double top, double bottom, double unit) {
        int x0 = (int) Math.max(0, r.start()), x1 = (int) Math.min(ink.cols(), r.end());
        int y0 = (int) Math.max(0, top), y1 = (int) Math.min(ink.rows(), bottom);
        if (x1 <= x0 || y1 <= y0) {
            return new double[]{0, 0};
        }
        Mat band = ink.submat(y0, y1, x0, x1);
        Mat along = new Mat();
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(Math.max(3, STRAIGHT_RUN * unit), 1));
        try {
            Imgproc.morphologyEx(band, along, Imgproc.MORPH_OPEN, kernel);
            int straight = Core.countNonZero(along);
            return new double[]{Core.countNonZero(band) - straight, straight};
        } finally {
            band.release();
            along.release();
            kernel.release();
        }
    }
}
