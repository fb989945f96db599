package kz.hattama.image;

import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.Optional;

/**
 * Turns a decoded picture (a flatbed scan or a phone photo) into an upright, evenly lit grayscale
 * page of standard width. The perspective correction, deskew and scaling are composed into one
 * transform so the page is resampled only once: every resampling softens the thin rulings and
 * strokes that later steps look for.
 */
public final class PageNormalizer {

    /** A4 at 200 dpi, the resolution the form's layout thresholds are tuned for. */
    public static final int PAGE_WIDTH = 1654;
    public static final double A4_ASPECT = 297.0 / 210.0;
    /** Aspect estimates from a perspective outline are this uncertain; closer than this is A4. */
    private static final double A4_SNAP = 0.12;
    private static final int MIN_SIDE = 400;
    private static final double MIN_CONTRAST = 4;
    private static final double MAX_SKEW = 10;
    /** The skew is measured on a half-size preview: precise enough, and 4× cheaper. */
    private static final double PREVIEW_SCALE = 0.5;

    private final PageQuadFinder quadFinder = new PageQuadFinder();
    private final SkewEstimator skewEstimator = new SkewEstimator(MAX_SKEW);
    private final IlluminationFlattener flattener = new IlluminationFlattener();

    public PageNormalizer() {
        OpenCv.load();
    }

    public NormalizedPage normalize(Mat picture) {
        Mat gray = Grayscale.of(picture);
        Mat src = gray, toPage = null, corners = null, pageCorners = null, levelled = null, noShift = new Mat(),
                transform = new Mat(), page = new Mat();
        try {
            requireUsable(gray);
            Optional<Quad> outline = quadFinder.find(gray);
            Quad source = outline.orElseGet(() -> wholeFrame(gray));
            double aspect = outline.map(PageNormalizer::pageAspect).orElse((double) gray.rows() / gray.cols());
            Size pageSize = new Size(PAGE_WIDTH, Math.round(PAGE_WIDTH * aspect));
            // Large photos are reduced by area averaging first: bilinear warping alone would skip
            // pixels and break 2-px rulings into dashes.
            double shrink = Math.min(1.0, 1.25 * PAGE_WIDTH / source.width());
            if (shrink < 1.0) {
                src = new Mat();
                Imgproc.resize(gray, src, new Size(), shrink, shrink, Imgproc.INTER_AREA);
                source = source.scaled(shrink);
            }
            corners = source.toMat();
            pageCorners = new Quad(new Point(0, 0), new Point(pageSize.width, 0),
                    new Point(pageSize.width, pageSize.height), new Point(0, pageSize.height)).toMat();
            toPage = Imgproc.getPerspectiveTransform(corners, pageCorners);
            double skew = measureSkew(src, toPage, pageSize);
            levelled = rotation(skew, pageSize);
            Core.gemm(levelled, toPage, 1, noShift, 0, transform);
            Imgproc.warpPerspective(src, page, transform, pageSize, Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            return new NormalizedPage(flattener.flatten(page), outline.orElse(null), skew);
        } finally {
            // Native pixels are invisible to the garbage collector: a batch of photos would pile up
            // hundreds of MB before a collection, so the big intermediates go now.
            Mats.release(page, src == gray ? null : src, gray == picture ? null : gray, toPage, corners, pageCorners,
                    levelled, noShift, transform);
        }
    }

    private double measureSkew(Mat src, Mat toPage, Size pageSize) {
        Mat scale = Mat.eye(3, 3, CvType.CV_64F), noShift = new Mat(), toPreview = new Mat(), preview = new Mat();
        try {
            scale.put(0, 0, PREVIEW_SCALE);
            scale.put(1, 1, PREVIEW_SCALE);
            Core.gemm(scale, toPage, 1, noShift, 0, toPreview);
            Imgproc.warpPerspective(src, preview, toPreview,
                    new Size(Math.round(pageSize.width * PREVIEW_SCALE), Math.round(pageSize.height * PREVIEW_SCALE)),
                    Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
            return skewEstimator.estimate(preview);
        } finally {
            Mats.release(scale, noShift, toPreview, preview);
        }
    }

    private static Mat rotation(double degrees, Size size) {
        Mat affine = Imgproc.getRotationMatrix2D(new Point(size.width / 2, size.height / 2), degrees, 1.0);
        Mat m = Mat.eye(3, 3, CvType.CV_64F);
        Mat top = m.rowRange(0, 2);
        try {
            affine.copyTo(top);
            return m;
        } finally {
            Mats.release(affine, top);
        }
    }

    private static Quad wholeFrame(Mat gray) {
        double w = gray.cols(), h = gray.rows();
        return new Quad(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
    }

    /**
     * Height over width of the sheet, from the outline's mean side lengths. Perspective makes this
     * a rough estimate, so a value near A4 is taken as A4.
     */
    static double pageAspect(Quad q) {
        double aspect = q.height() / q.width();
        if (aspect < 1) {
            return aspect;
        }
        return Math.abs(aspect / A4_ASPECT - 1) <= A4_SNAP ? A4_ASPECT : aspect;
    }

    private static void requireUsable(Mat gray) {
        if (Math.min(gray.cols(), gray.rows()) < MIN_SIDE) {
            throw new PageNotFoundException("the picture is " + gray.cols() + "×" + gray.rows()
                    + " pixels; a page needs at least " + MIN_SIDE + " on its short side");
        }
        Mat small = new Mat();
        MatOfDouble mean = new MatOfDouble(), dev = new MatOfDouble();
        try {
            Imgproc.resize(gray, small, new Size(200, 200), 0, 0, Imgproc.INTER_AREA);
            Core.meanStdDev(small, mean, dev);
            if (dev.get(0, 0)[0] < MIN_CONTRAST) {
                throw new PageNotFoundException("the picture is blank (one flat tone), there is no page to read");
            }
        } finally {
            Mats.release(small, mean, dev);
        }
    }
}
