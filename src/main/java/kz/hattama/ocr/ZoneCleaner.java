package kz.hattama.ocr;

import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a zone for a line reader: dark ink on white, printed rules and cell borders removed,
 * cropped to the ink with a margin. Recognisers read a lone line far better than one glued to a
 * rule or cut at the edge.
 */
public final class ZoneCleaner {

    /** A cleaned zone, or empty when it holds no ink worth reading; the image is the caller's to release. */
    public record Cleaned(Mat image) {
        public boolean isBlank() {
            return image == null;
        }
    }

    private static final int MARGIN = 12;

    private ZoneCleaner() {
    }

    /** Cleans a zone keeping the writing's size. */
    public static Cleaned clean(Mat gray) {
        return clean(gray, 0);
    }

    /** Cleans a zone and scales it so the ink is {@code inkHeight} pixels tall (0: keep the size). */
    public static Cleaned clean(Mat gray, int inkHeight) {
        Mat ink = new Mat(), opened = new Mat(), kernel = null, inkCrop = null, cropped = new Mat(), resized = null;
        try {
            // Otsu on a nearly empty zone picks noise as ink; a fixed floor on contrast guards that.
            Imgproc.adaptiveThreshold(gray, ink, 255, Imgproc.ADAPTIVE_THRESH_GAUSSIAN_C, Imgproc.THRESH_BINARY_INV, 31, 15);
            removeRules(ink);
            kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2, 2));
            Imgproc.morphologyEx(ink, opened, Imgproc.MORPH_OPEN, kernel);
            Rect box = inkBox(opened, gray.rows());
            if (box == null) {
                return new Cleaned(null);
            }
            inkCrop = ink.submat(box);
            Core.bitwise_not(inkCrop, cropped);
            // Tesseract's LSTM misses the first strokes of small slanted handwriting; at a line height
            // near its training size it reads them.
            double scale = inkHeight <= 0 ? 1 : inkHeight / (double) box.height;
            if (scale > 1.05 || scale < 0.7) {
                resized = new Mat();
                Imgproc.resize(cropped, resized, new Size(), scale, scale, scale > 1 ? Imgproc.INTER_CUBIC : Imgproc.INTER_AREA);
                Imgproc.threshold(resized, cropped, 128, 255, Imgproc.THRESH_BINARY);
            }
            Mat padded = new Mat();
            Core.copyMakeBorder(cropped, padded, MARGIN, MARGIN, MARGIN, MARGIN, Core.BORDER_CONSTANT, new Scalar(255));
            return new Cleaned(padded);
        } finally {
            Mats.release(ink, opened, kernel, inkCrop, cropped, resized);
        }
    }

    private static void removeRules(Mat ink) {
        int hLen = Math.max(40, ink.cols() / 6);
        // A cell border spans the whole zone; a handwritten «1» or «4» can reach two thirds of it.
        int vLen = Math.max(30, (int) (ink.rows() * 0.9));
        for (Size k : List.of(new Size(hLen, 1), new Size(1, vLen))) {
            Mat lines = new Mat(), kernel = null, bridge = null;
            try {
                kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, k);
                Imgproc.morphologyEx(ink, lines, Imgproc.MORPH_OPEN, kernel);
                bridge = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
                Imgproc.dilate(lines, lines, bridge);
                Core.subtract(ink, lines, ink);
            } finally {
                Mats.release(lines, kernel, bridge);
            }
        }
    }

    private static Rect inkBox(Mat ink, int zoneHeight) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Imgproc.findContours(ink, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        } finally {
            Mats.release(hierarchy);
        }
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        int minSide = Math.max(3, zoneHeight / 12);
        for (MatOfPoint c : contours) {
            Rect r = Imgproc.boundingRect(c);
            if (Math.max(r.width, r.height) < minSide || r.area() < minSide * minSide) {
                continue;
            }
            boolean touchesEdge = r.y <= 0 || r.y + r.height >= ink.rows() || r.x <= 0 || r.x + r.width >= ink.cols();
            if (touchesEdge && r.height < zoneHeight / 4) {
                continue;
            }
            x0 = Math.min(x0, r.x);
            y0 = Math.min(y0, r.y);
            x1 = Math.max(x1, r.x + r.width);
            y1 = Math.max(y1, r.y + r.height);
        }
        if (x1 < 0) {
            return null;
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

}
