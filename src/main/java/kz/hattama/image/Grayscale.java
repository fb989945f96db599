package kz.hattama.image;

import kz.hattama.ingest.Mats;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/** One 8-bit channel from whatever {@code Imgcodecs.imdecode} produced. */
public final class Grayscale {

    private Grayscale() {
    }

    public static Mat of(Mat picture) {
        if (picture.empty()) {
            throw new PageNotFoundException("the picture is empty");
        }
        Mat src = picture;
        if (picture.depth() != CvType.CV_8U) {
            src = new Mat();
            // 16-bit PNG/TIFF scans: keep the top byte.
            picture.convertTo(src, CvType.CV_8U, picture.depth() == CvType.CV_16U ? 1.0 / 256 : 1.0);
        }
        if (src.channels() == 1) {
            return src;
        }
        try {
            return switch (src.channels()) {
                case 3 -> convert(src, Imgproc.COLOR_BGR2GRAY);
                case 4 -> convert(src, Imgproc.COLOR_BGRA2GRAY);
                default -> throw new PageNotFoundException("unsupported picture with " + src.channels() + " channels");
            };
        } finally {
            Mats.release(src == picture ? null : src);
        }
    }

    private static Mat convert(Mat src, int code) {
        Mat out = new Mat();
        Imgproc.cvtColor(src, out, code);
        return out;
    }
}
