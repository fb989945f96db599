package kz.hattama.layout;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** Dark marks (print and handwriting) as 255 on 0, relative to the paper around them. */
public final class InkMask {

    private InkMask() {
    }

    public static Mat of(Mat page, double unit) {
        Mat ink = new Mat();
        int block = ((int) Math.round(31 * unit)) | 1;
        Imgproc.adaptiveThreshold(page, ink, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY_INV, block, 20);
        return ink;
    }

    /** Ink pixels per row over the columns [x0, x1) and rows [y0, y1). */
    static int[] rowProfile(Mat ink, int x0, int x1, int y0, int y1) {
        int w = x1 - x0, h = y1 - y0;
        int[] profile = new int[Math.max(0, h)];
        if (w <= 0 || h <= 0) {
            return profile;
        }
        byte[] row = new byte[w];
        for (int r = 0; r < h; r++) {
            ink.get(y0 + r, x0, row);
            int n = 0;
            for (byte b : row) {
                if (b != 0) {
                    n++;
                }
            }
            profile[r] = n;
        }
        return profile;
    }
}
