package kz.hattama.image;

import kz.hattama.ingest.Mats;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.imgproc.Imgproc;

/**
 * Measures how far printed lines are from horizontal by a projection-profile search: at the right
 * angle, rows of text and rulings fall into few histogram bins, so the sum of squared bin counts
 * peaks. (minAreaRect on dilated text misjudged skew on these forms, sign included.)
 */
public final class SkewEstimator {

    private final double maxDegrees;

    public SkewEstimator(double maxDegrees) {
        this.maxDegrees = maxDegrees;
    }

    /**
     * @param gray a page, preferably downscaled (about 800 px wide is plenty)
     * @return the counter-clockwise angle, in degrees, by which the page must be rotated to level it
     */
    public double estimate(Mat gray) {
        int[] xy = inkPixels(gray);
        if (xy.length < 200) {
            return 0;
        }
        double best = search(xy, gray.rows(), gray.cols(), -maxDegrees, maxDegrees, 0.5);
        best = search(xy, gray.rows(), gray.cols(), best - 0.5, best + 0.5, 0.1);
        // A line tilted by +a (right end lower) collapses at projection angle -a, and is levelled by
        // turning the page counter-clockwise by a.
        return -search(xy, gray.rows(), gray.cols(), best - 0.1, best + 0.1, 0.02);
    }

    /**
     * Angles a few hundredths of a degree apart project into the same bins and tie; the middle of
     * the best plateau is taken so that ties do not bias the result toward one end of the range.
     */
    private static double search(int[] xy, int rows, int cols, double from, double to, double step) {
        int n = (int) Math.round((to - from) / step) + 1;
        int pad = cols;
        long[] bins = new long[rows + 2 * pad];
        double[] scores = new double[n];
        int best = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = profileScore(xy, bins, pad, Math.toRadians(from + i * step));
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        int last = best;
        while (last + 1 < n && scores[last + 1] == scores[best]) {
            last++;
        }
        return from + (best + last) / 2.0 * step;
    }

    /** Squared bin counts of ink projected onto the axis perpendicular to lines skewed by {@code rad}. */
    private static double profileScore(int[] xy, long[] bins, int pad, double rad) {
        java.util.Arrays.fill(bins, 0);
        double s = Math.sin(rad), c = Math.cos(rad);
        for (int i = 0; i < xy.length; i += 2) {
            int bin = (int) Math.round(xy[i + 1] * c + xy[i] * s) + pad;
            if (bin >= 0 && bin < bins.length) {
                bins[bin]++;
            }
        }
        double sum = 0;
        for (long b : bins) {
            sum += (double) b * b;
        }
        return sum;
    }

    private static int[] inkPixels(Mat gray) {
        Mat ink = new Mat();
        MatOfPoint pts = new MatOfPoint();
        try {
            Imgproc.adaptiveThreshold(gray, ink, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY_INV, 25, 20);
            org.opencv.core.Core.findNonZero(ink, pts);
            if (pts.empty()) {
                return new int[0];
            }
            int[] xy = new int[(int) pts.total() * 2];
            pts.get(0, 0, xy);
            return xy;
        } finally {
            Mats.release(ink, pts);
        }
    }
}
