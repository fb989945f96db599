package kz.hattama.image;

import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Evens out light and shadow by dividing the page by an estimate of the bare paper. On a clean
 * scan the estimate is flat, so the division only lifts the paper to white.
 */
public final class IlluminationFlattener {

    /** The estimate is made at a quarter of the size: light varies slowly, and it is 16× cheaper. */
    private static final double WORK_SCALE = 0.25;
    /** Wider than any stroke or ruling (in full-size pixels) so that ink vanishes from the estimate. */
    private static final int INK_CLEARANCE = 60;

    public Mat flatten(Mat gray) {
        Mat small = new Mat(), paper = new Mat(), paperFull = new Mat(), kernel = null;
        try {
            Imgproc.resize(gray, small, new Size(), WORK_SCALE, WORK_SCALE, Imgproc.INTER_AREA);
            int k = (int) Math.round(INK_CLEARANCE * WORK_SCALE) | 1;
            kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(k, k));
            Imgproc.morphologyEx(small, paper, Imgproc.MORPH_CLOSE, kernel);
            Imgproc.GaussianBlur(paper, paper, new Size(0, 0), k / 2.0);
            Imgproc.resize(paper, paperFull, gray.size(), 0, 0, Imgproc.INTER_LINEAR);
            // Guards against dividing by black in a corner the page does not reach.
            Core.max(paperFull, new org.opencv.core.Scalar(16), paperFull);
            Mat out = new Mat();
            Core.divide(gray, paperFull, out, 255.0);
            return out;
        } finally {
            Mats.release(small, paper, paperFull, kernel);
        }
    }
}
