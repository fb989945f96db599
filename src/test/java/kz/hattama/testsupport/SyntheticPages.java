package kz.hattama.testsupport;

import kz.hattama.image.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.Random;

/** Pages drawn in code, for properties the generated protocols cannot isolate. */
public final class SyntheticPages {

    public static final int W = 1654, H = 2339;
    private static final Scalar INK = new Scalar(20), PAPER = new Scalar(255);

    private SyntheticPages() {
    }

    /**
     * Upright white page with lines of text and, when {@code ruleY > 0}, one long thick rule at
     * that height with a clear band around it, so that the rule can be found again column by column.
     */
    public static Mat textPage(long seed, int ruleY) {
        OpenCv.load();
        Mat page = new Mat(H, W, CvType.CV_8UC1, PAPER);
        Random rnd = new Random(seed);
        for (int y = 150; y < H - 150; y += 46) {
            if (ruleY > 0 && Math.abs(y - ruleY) < 160) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            while (line.length() < 40 + rnd.nextInt(15)) {
                line.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
            }
            Imgproc.putText(page, line.toString(), new Point(120, y), Imgproc.FONT_HERSHEY_SIMPLEX, 1.1, INK, 2);
        }
        if (ruleY > 0) {
            Imgproc.rectangle(page, new Point(120, ruleY), new Point(W - 120, ruleY + 3), INK, -1);
        }
        return page;
    }

    /** A ruled table of {@code rows} rows with four columns, alone on a page. */
    public static Mat tablePage(int rows) {
        OpenCv.load();
        Mat page = new Mat(H, W, CvType.CV_8UC1, PAPER);
        int[] cols = {110, 170, 760, 1010, W - 110};
        int top = 900, rowH = 96;
        for (int i = 0; i <= rows; i++) {
            Imgproc.line(page, new Point(cols[0], top + i * rowH), new Point(cols[4], top + i * rowH), INK, 2);
        }
        for (int c : cols) {
            Imgproc.line(page, new Point(c, top), new Point(c, top + rows * rowH), INK, 2);
        }
        return page;
    }

    /** Squared notebook paper: a grid of thin lines every {@code step} pixels. */
    public static Mat squaredPaper(int step) {
        OpenCv.load();
        Mat page = new Mat(H, W, CvType.CV_8UC1, PAPER);
        for (int y = 100; y < H - 100; y += step) {
            Imgproc.line(page, new Point(100, y), new Point(W - 100, y), new Scalar(150), 2);
        }
        for (int x = 100; x < W - 100; x += step) {
            Imgproc.line(page, new Point(x, 100), new Point(x, H - 100), new Scalar(150), 2);
        }
        return page;
    }

    /** The page turned counter-clockwise by {@code degrees} about its centre, corners filled with paper. */
    public static Mat rotated(Mat page, double degrees) {
        Mat out = new Mat();
        Mat m = Imgproc.getRotationMatrix2D(new Point(page.cols() / 2.0, page.rows() / 2.0), degrees, 1.0);
        Imgproc.warpAffine(page, out, m, page.size(), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, PAPER);
        return out;
    }

    /** Smooth gradients and noise: a picture with no page in it. */
    public static Mat noise(long seed) {
        OpenCv.load();
        Mat img = new Mat(1800, 2400, CvType.CV_8UC3);
        Core.randu(img, 0, 255);
        Imgproc.GaussianBlur(img, img, new Size(0, 0), 25);
        Core.normalize(img, img, 0, 255, Core.NORM_MINMAX);
        Mat grain = new Mat(img.size(), img.type());
        Core.randn(grain, 128, 20);
        Core.addWeighted(img, 1, grain, 1, -128, img);
        return img;
    }

    private static final String[] WORDS = {"lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing",
            "elit", "sed", "do", "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua"};
}
