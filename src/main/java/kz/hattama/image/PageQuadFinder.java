package kz.hattama.image;

import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the outline of a sheet lying on a darker surface. Empty when the page fills the frame
 * (a scan, or a photo cropped to the page), because then there is no outline to trust.
 */
public final class PageQuadFinder {

    /** Outline search runs on a small copy: the page edge is a large-scale feature. */
    private static final double WORK_SIDE = 600;
    private static final double MIN_PAGE_FRACTION = 0.2;
    /** Corners closer than this to the frame mean the page is cut off or fills the frame. */
    private static final double BORDER_MARGIN = 0.01;

    public Optional<Quad> find(Mat gray) {
        double f = Math.min(1.0, WORK_SIDE / Math.max(gray.cols(), gray.rows()));
        Mat small = new Mat();
        Imgproc.resize(gray, small, new Size(), f, f, Imgproc.INTER_AREA);
        Imgproc.GaussianBlur(small, small, new Size(5, 5), 0);
        Mat bright = new Mat();
        Imgproc.threshold(small, bright, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);

        MatOfPoint contour = largestOuterContour(bright);
        if (contour == null || Imgproc.contourArea(contour) < MIN_PAGE_FRACTION * small.total()) {
            return Optional.empty();
        }
        Optional<Quad> quad = cornersFromLongestSides(contour);
        if (quad.isEmpty()) {
            quad = cornersBySimplifying(contour);
        }
        return quad.filter(q -> plausible(q, small.cols(), small.rows())).map(q -> q.scaled(1 / f));
    }

    private static MatOfPoint largestOuterContour(Mat mask) {
        List<MatOfPoint> contours = new ArrayList<>();
        Imgproc.findContours(mask, contours, new Mat(), Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
        return contours.stream().max(Comparator.comparingDouble(Imgproc::contourArea)).orElse(null);
    }

    /**
     * A shadow or a finger can bite a corner off the bright region; the four longest straight
     * sides survive, and their intersections put the lost corner back.
     */
    private static Optional<Quad> cornersFromLongestSides(MatOfPoint contour) {
        Point[] poly = simplify(hull(contour), 0.01);
        int n = poly.length;
        if (n < 4) {
            return Optional.empty();
        }
        List<Integer> sides = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sides.add(i);
        }
        sides.sort(Comparator.comparingDouble((Integer i) -> -dist(poly[i], poly[(i + 1) % n])));
        List<Integer> longest = new ArrayList<>(sides.subList(0, 4));
        longest.sort(null);
        Point[] contourPts = contour.toArray();
        double[][] lines = new double[4][];
        for (int k = 0; k < 4; k++) {
            int i = longest.get(k);
            lines[k] = refineSide(poly[i], poly[(i + 1) % n], contourPts);
        }
        Point[] corners = new Point[4];
        for (int k = 0; k < 4; k++) {
            Point c = intersect(lines[(k + 3) % 4], lines[k]);
            if (c == null) {
                return Optional.empty();
            }
            corners[k] = c;
        }
        return Optional.of(Quad.ofCorners(corners));
    }

    private static Optional<Quad> cornersBySimplifying(MatOfPoint contour) {
        MatOfPoint2f hull = hull(contour);
        for (double eps = 0.015; eps < 0.1; eps += 0.005) {
            Point[] p = simplify(hull, eps);
            if (p.length == 4) {
                return Optional.of(Quad.ofCorners(p));
            }
            if (p.length < 4) {
                break;
            }
        }
        return Optional.empty();
    }

    /** Fits the side to the contour points along its middle, away from rounded corners. */
    private static double[] refineSide(Point a, Point b, Point[] contour) {
        double len = dist(a, b);
        double ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
        List<Point> near = new ArrayList<>();
        for (Point p : contour) {
            double t = (p.x - a.x) * ux + (p.y - a.y) * uy;
            double d = Math.abs(-(p.x - a.x) * uy + (p.y - a.y) * ux);
            if (d < 3 && t > 0.1 * len && t < 0.9 * len) {
                near.add(p);
            }
        }
        if (near.size() < 10) {
            return new double[]{ux, uy, a.x, a.y};
        }
        Mat line = new Mat();
        Imgproc.fitLine(new MatOfPoint2f(near.toArray(new Point[0])), line, Imgproc.DIST_HUBER, 0, 0.01, 0.01);
        return new double[]{line.get(0, 0)[0], line.get(1, 0)[0], line.get(2, 0)[0], line.get(3, 0)[0]};
    }

    /** Lines as (vx, vy, x0, y0); null when nearly parallel. */
    private static Point intersect(double[] l1, double[] l2) {
        double det = l1[0] * l2[1] - l1[1] * l2[0];
        if (Math.abs(det) < 0.3) {
            return null;
        }
        double t = ((l2[2] - l1[2]) * l2[1] - (l2[3] - l1[3]) * l2[0]) / det;
        return new Point(l1[2] + t * l1[0], l1[3] + t * l1[1]);
    }

    private static boolean plausible(Quad q, int w, int h) {
        double mx = BORDER_MARGIN * w, my = BORDER_MARGIN * h;
        for (Point p : q.corners()) {
            if (p.x < mx || p.y < my || p.x > w - 1 - mx || p.y > h - 1 - my) {
                return false;
            }
        }
        Point[] c = q.corners();
        for (int i = 0; i < 4; i++) {
            double angle = angleAt(c[(i + 3) % 4], c[i], c[(i + 1) % 4]);
            if (angle < 55 || angle > 125) {
                return false;
            }
        }
        return q.area() >= MIN_PAGE_FRACTION * w * h;
    }

    private static double angleAt(Point prev, Point at, Point next) {
        double ax = prev.x - at.x, ay = prev.y - at.y, bx = next.x - at.x, by = next.y - at.y;
        double cos = (ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by));
        return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
    }

    private static MatOfPoint2f hull(MatOfPoint contour) {
        MatOfInt idx = new MatOfInt();
        Imgproc.convexHull(contour, idx);
        Point[] pts = contour.toArray();
        int[] ids = idx.toArray();
        Point[] out = new Point[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = pts[ids[i]];
        }
        return new MatOfPoint2f(out);
    }

    private static Point[] simplify(MatOfPoint2f closed, double relEpsilon) {
        MatOfPoint2f out = new MatOfPoint2f();
        Imgproc.approxPolyDP(closed, out, relEpsilon * Imgproc.arcLength(closed, true), true);
        return out.toArray();
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}
