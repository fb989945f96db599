package kz.hattama.layout;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
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
        Core.transpose(ink, t);
        return detect(t);
    }

    private List<Rule> detect(Mat ink) {
        Mat lines = new Mat();
        Imgproc.morphologyEx(ink, lines, Imgproc.MORPH_OPEN,
                Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(minLength, 1)));
        Imgproc.morphologyEx(lines, lines, Imgproc.MORPH_CLOSE,
                Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(bridge, 3)));
        Mat labels = new Mat(), stats = new Mat(), centroids = new Mat();
        int n = Imgproc.connectedComponentsWithStats(lines, labels, stats, centroids, 8, CvType.CV_32S);
        List<Rule> rules = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            int x = (int) stats.get(i, Imgproc.CC_STAT_LEFT)[0];
            int y = (int) stats.get(i, Imgproc.CC_STAT_TOP)[0];
            int w = (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0];
            int h = (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
            if (w >= minLength) {
                rules.add(measure(labels.submat(new Rect(x, y, w, h)), i, x, y));
            }
        }
        rules.sort(Comparator.comparingDouble(Rule::middle));
        return rules;
    }

    /** Position across the rule near each end: mean row of its pixels in the end columns. */
    private static Rule measure(Mat labelsRoi, int label, int x, int y) {
        int w = labelsRoi.cols(), h = labelsRoi.rows();
        int[] px = new int[w * h];
        Mat roi = labelsRoi.clone();
        roi.get(0, 0, px);
        int end = Math.max(1, Math.min(w / 10, 40));
        return new Rule(x, x + w - 1, y + meanRow(px, w, h, label, 0, end), y + meanRow(px, w, h, label, w - end, w));
    }

    private static double meanRow(int[] px, int w, int h, int label, int fromCol, int toCol) {
        double sum = 0;
        int count = 0;
        for (int r = 0; r < h; r++) {
            for (int c = fromCol; c < toCol; c++) {
                if (px[r * w + c] == label) {
                    sum += r;
                    count++;
                }
            }
        }
        return count == 0 ? (h - 1) / 2.0 : sum / count;
    }
}
