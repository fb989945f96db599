package kz.hattama.layout;

import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Dark marks (print and handwriting) as 255 on 0, relative to the paper around them. */
public final class InkMask {

    private InkMask() {
    }

    /** How much darker than the paper around it a mark must be to count as ink on a sharp page. */
    public static final int SHARP = 20;
    /**
     * The same on a page shaken or out of focus, where a rule spreads into a pale band: half as dark. Used only where
     * the sharp threshold found no form, since on a sharp page it also takes the paper's grain and shadows for ink.
     */
    public static final int FAINT = 10;

    public static Mat of(Mat page, double unit) {
        return of(page, unit, SHARP);
    }

    public static Mat of(Mat page, double unit, int contrast) {
        Mat ink = new Mat();
        int block = ((int) Math.round(31 * unit)) | 1;
        Imgproc.adaptiveThreshold(page, ink, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY_INV, block, contrast);
        return ink;
    }

    /**
     * Ink pixels per row over the columns [x0, x1) and rows [y0, y1), leaving out marks that run down further than a
     * twentieth of the page's width: a fold crease or the page's own edge crosses every row and would fill the gaps
     * between printed lines, which is how a block of print is told from the next. A crease thresholds as a broken
     * line, so its gaps are closed before the long runs are taken.
     */
    static int[] rowProfile(Mat ink, int x0, int x1, int y0, int y1) {
        int w = x1 - x0, h = y1 - y0;
        int[] profile = new int[Math.max(0, h)];
        if (w <= 0 || h <= 0) {
            return profile;
        }
        Mat region = ink.submat(y0, y1, x0, x1);
        Mat vertical = new Mat();
        Mat rest = new Mat();
        int run = Math.max(8, ink.cols() / 20);
        Mat bridge = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(1, run / 4));
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(1, run));
        try {
            Imgproc.morphologyEx(region, vertical, Imgproc.MORPH_CLOSE, bridge);
            Imgproc.morphologyEx(vertical, vertical, Imgproc.MORPH_OPEN, kernel);
            Core.subtract(region, vertical, rest);
            byte[] row = new byte[w];
            for (int r = 0; r < h; r++) {
                rest.get(r, 0, row);
                int n = 0;
                for (byte b : row) {
                    if (b != 0) {
                        n++;
                    }
                }
                profile[r] = n;
            }
            return profile;
        } finally {
            Mats.release(region, vertical, rest, bridge, kernel);
        }
    }
}
