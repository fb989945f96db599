package kz.hattama.ocr;

import kz.hattama.image.PageNormalizer;
import kz.hattama.layout.InkMask;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a signature line bears a signature: ink over the rule besides the rule itself. Only presence is judged, as
 * observers do («no commission member signed»); whose signature it is, nobody can tell from a photo.
 */
public final class SignatureReader {

    /** Printed rules are longer than this (in pixels of a page {@link PageNormalizer#PAGE_WIDTH} wide); pen strokes seldom. */
    private static final double RULE_RUN = 45;
    /** Specks of noise or JPEG are smaller than this. */
    private static final double MIN_MARK_AREA = 25;
    /** A signature spreads along its line; a dot or a stray tick does not. */
    private static final double MIN_SPREAD = 0.15;

    public boolean signed(Mat page, Rect zone) {
        if (zone.width <= 0 || zone.height <= 0) {
            return false;
        }
        double unit = (double) page.cols() / PageNormalizer.PAGE_WIDTH;
        Mat ink = InkMask.of(page.submat(zone), unit);
        Mat rules = new Mat();
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(Math.max(3, RULE_RUN * unit), 1));
        Mat thick = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(1, Math.max(3, 5 * unit)));
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Imgproc.morphologyEx(ink, rules, Imgproc.MORPH_OPEN, kernel);
            Imgproc.dilate(rules, rules, thick);
            Core.subtract(ink, rules, ink);
            Imgproc.findContours(ink, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
            int left = Integer.MAX_VALUE, right = -1;
            for (MatOfPoint c : contours) {
                Rect r = Imgproc.boundingRect(c);
                if (r.area() >= MIN_MARK_AREA * unit * unit && r.height >= 4 * unit) {
                    left = Math.min(left, r.x);
                    right = Math.max(right, r.x + r.width);
                }
                c.release();
            }
            return right > left && right - left >= MIN_SPREAD * zone.width;
        } finally {
            ink.release();
            rules.release();
            kernel.release();
            thick.release();
            hierarchy.release();
        }
    }
}
