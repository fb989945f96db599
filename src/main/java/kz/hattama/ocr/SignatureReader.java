package kz.hattama.ocr;

import kz.hattama.ingest.Mats;
import kz.hattama.image.PageNormalizer;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a signature line bears a signature: ink over the rule besides the rule itself. Only presence is judged, as
 * observers do («no commission member signed»); whose signature it is, nobody can tell from a photo.
 */
public final class SignatureReader {

    /**
     * A row with one unbroken run of ink across this share of the zone is the printed rule; a signature running
     * flat along it breaks off sooner.
     */
    private static final double RULE_SHARE = 0.5;
    /** Rows this near a rule row are the rule's thickness and slant (in pixels of a page {@link PageNormalizer#PAGE_WIDTH} wide). */
    private static final double RULE_HALF_WIDTH = 2;
    /** Specks of noise or JPEG are smaller than this. */
    private static final double MIN_MARK_AREA = 25;
    /** Darker than the paper around it by this much (of 255) is ink. */
    private static final double FAINT_INK = 10;
    /** A signature spreads along its line; a dot or a stray tick does not. */
    private static final double MIN_SPREAD = 0.15;

    public boolean signed(Mat page, Rect zone) {
        if (zone.width <= 0 || zone.height <= 0) {
            return false;
        }
        double unit = (double) page.cols() / PageNormalizer.PAGE_WIDTH;
        // A signature is often a light, thin stroke: a lower bar than for print, which the spread test below keeps
        // from counting paper grain or JPEG blocks.
        Mat ink = new Mat(), crop = page.submat(zone);
        int block = ((int) Math.round(31 * unit)) | 1;
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Imgproc.adaptiveThreshold(crop, ink, 255, Imgproc.ADAPTIVE_THRESH_MEAN_C, Imgproc.THRESH_BINARY_INV,
                    block, FAINT_INK);
            eraseRule(ink, (int) Math.max(1, Math.round(RULE_HALF_WIDTH * unit)));
            Imgproc.findContours(ink, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
            int left = Integer.MAX_VALUE, right = -1;
            for (MatOfPoint c : contours) {
                Rect r = Imgproc.boundingRect(c);
                if (r.width * Math.max(r.height, 2) >= MIN_MARK_AREA * unit * unit && Math.max(r.width, r.height) >= 8 * unit) {
                    left = Math.min(left, r.x);
                    right = Math.max(right, r.x + r.width);
                }
                Mats.release(c);
            }
            return right > left && right - left >= MIN_SPREAD * zone.width;
        } finally {
            Mats.release(ink, crop, hierarchy);
        }
    }

    /**
     * Clears the rows of the printed rule (one run of ink across most of the zone) and their neighbours: only those, so that a
     * flat signature running just over its rule is kept.
     */
    private static void eraseRule(Mat ink, int halfWidth) {
        int rows = ink.rows(), cols = ink.cols();
        boolean[] rule = new boolean[rows];
        byte[] row = new byte[cols];
        for (int y = 0; y < rows; y++) {
            ink.get(y, 0, row);
            int run = 0, longest = 0;
            for (byte b : row) {
                run = b != 0 ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
            rule[y] = longest >= RULE_SHARE * cols;
        }
        for (int y = 0; y < rows; y++) {
            boolean near = false;
            for (int d = -halfWidth; d <= halfWidth && !near; d++) {
                near = y + d >= 0 && y + d < rows && rule[y + d];
            }
            if (near) {
                Mat line = ink.row(y);
                try {
                    line.setTo(new org.opencv.core.Scalar(0));
                } finally {
                    Mats.release(line);
                }
            }
        }
    }
}
