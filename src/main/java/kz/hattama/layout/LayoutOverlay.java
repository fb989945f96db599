package kz.hattama.layout;

import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.Map;

/** Draws a layout over its page, so that zones can be checked by eye. */
public final class LayoutOverlay {

    private static final Scalar HEADER = new Scalar(200, 120, 0);
    private static final Scalar BOX = new Scalar(0, 170, 0);
    private static final Scalar DIGITS = new Scalar(0, 0, 230);
    private static final Scalar WORDS = new Scalar(0, 140, 255);

    private LayoutOverlay() {
    }

    /** @return a colour copy of the page with the header, boxes, digits and words zones outlined */
    public static Mat draw(Mat grayPage, Layout layout) {
        Mat out = new Mat();
        Imgproc.cvtColor(grayPage, out, Imgproc.COLOR_GRAY2BGR);
        int t = Math.max(2, grayPage.cols() / 600);
        Imgproc.rectangle(out, layout.header(), HEADER, t + 1);
        for (Map.Entry<String, FieldZones> e : layout.fields().entrySet()) {
            FieldZones z = e.getValue();
            Imgproc.rectangle(out, z.box(), BOX, 1);
            Imgproc.rectangle(out, z.digits(), DIGITS, t);
            Imgproc.rectangle(out, z.words(), WORDS, t);
            Rect b = z.box();
            Imgproc.putText(out, e.getKey(), new Point(b.x + b.width - 16 * e.getKey().length(), b.y + b.height - 4),
                    Imgproc.FONT_HERSHEY_SIMPLEX, 0.7, BOX, 2);
        }
        return out;
    }
}
