package kz.hattama.layout;

import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds printed rulings in an ink mask. A morphological opening with a long thin kernel keeps only
 * ink that runs straight for at least {@code minLength}: handwriting and type vanish, while a rule
 * survives even where a figure is written across it.
 */
final class RuleDetector {

    /** Pieces of one rule this far apart (a faint spot, a slight step) are joined. */
    private final int bridge;
    private final int minLength;

    RuleDetector(int minLength, int bridge) {
        this.minLength = minLength;
        this.bridge = bridge;
    }

    List<Rule> horizontal(Mat ink) {
        return detect(ink);
    }

    /** Vertical rules are found as horizontal ones in the transposed mask. */
    List<Rule> vertical(Mat ink) {
        Mat t = new Mat();
        try {
            Core.transpose(ink, t);
            return detect(t);
        } finally {
            Mats.release(t);
        }
    }

    private List<Rule> detect(Mat ink) {
        Mat lines = new Mat(), hierarchy = new Mat(), open = null, close = null;
        try {
            open = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(minLength, 1));
            Imgproc.morphologyEx(ink, lines, Imgproc.MORPH_OPEN, open);
            close = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(bridge, 3));
            Imgproc.morphologyEx(lines, lines, Imgproc.MORPH_CLOSE, close);
            List<MatOfPoint> outlines = new ArrayList<>();
            Imgproc.findContours(lines, outlines, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
            List<Rule> rules = new ArrayList<>();
            for (MatOfPoint outline : outlines) {
                Rect box = Imgproc.boundingRect(outline);
                if (box.width >= minLength) {
                    rules.add(measure(outline, box));
                }
                Mats.release(outline);
            }
            rules.sort(Comparator.comparingDouble(Rule::middle));
            return rules;
        } finally {
            Mats.release(lines, hierarchy, open, close);
        }
    }

    /**
     * Position across the rule near each end: the mean of its outline's top and bottom edges in
     * the end columns. (Connected-component labelling of the whole page was ten times slower.)
     */
    private static Rule measure(MatOfPoint outline, Rect box) {
        int[] xy = new int[(int) outline.total() * 2];
        outline.get(0, 0, xy);
        int end = Math.max(1, Math.min(box.width / 10, 40));
        int left = box.x + end, right = box.x + box.width - end;
        double sumL = 0, sumR = 0;
        int nL = 0, nR = 0;
        for (int i = 0; i < xy.length; i += 2) {
            if (xy[i] < left) {
                sumL += xy[i + 1];
                nL++;
            } else if (xy[i] >= right) {
                sumR += xy[i + 1];
                nR++;
            }
        }
        double mid = box.y + (box.height - 1) / 2.0;
        return new Rule(box.x, box.x + box.width - 1, nL == 0 ? mid : sumL / nL, nR == 0 ? mid : sumR / nR);
    }
}
