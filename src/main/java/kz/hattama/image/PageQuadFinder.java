package kz.hattama.image;

import kz.hattama.ingest.Mats;
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
    /** A side shorter than this share of the outline is a bitten corner, not a page side. */
    private static final double MIN_SIDE_FRACTION = 0.08;
    /** How far outside the frame a corner of a cut-off page may lie, as a share of the frame. */
    private static final double MAX_OUTSIDE = 0.25;
    /** Sides tried when choosing the page's four: a page, a bite or two, and a ragged edge's pieces. */
    private static final int MAX_CANDIDATE_SIDES = 7;

    public Optional<Quad> find(Mat gray) {
        double f = Math.min(1.0, WORK_SIDE / Math.max(gray.cols(), gray.rows()));
        Mat small = new Mat(), bright = new Mat();
        MatOfPoint contour = null;
        MatOfPoint2f hull = null;
        try {
            Imgproc.resize(gray, small, new Size(), f, f, Imgproc.INTER_AREA);
            Imgproc.GaussianBlur(small, small, new Size(5, 5), 0);
            Imgproc.threshold(small, bright, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
            contour = largestOuterContour(bright);
            if (contour == null || Imgproc.contourArea(contour) < MIN_PAGE_FRACTION * small.total()) {
                return Optional.empty();
            }
            hull = hull(contour);
            Point[] contourPts = contour.toArray();
            // A coarser outline is tried when a fine one has too few long sides (a ragged shadow edge).
            for (double eps = 0.01; eps <= 0.05; eps += 0.01) {
                Optional<Quad> quad = cornersFromSides(simplify(hull, eps), contourPts, small.cols(), small.rows());
                if (quad.isPresent()) {
                    return quad.map(q -> q.scaled(1 / f));
                }
            }
            return Optional.empty();
        } finally {
            Mats.release(small, bright, contour, hull);
        }
    }

    private static MatOfPoint largestOuterContour(Mat mask) {
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        try {
            Imgproc.findContours(mask, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_NONE);
        } finally {
            Mats.release(hierarchy);
        }
        return contours.stream().max(Comparator.comparingDouble(Imgproc::contourArea)).orElse(null);
    }

    /**
     * A shadow or a finger can bite a corner off the bright region; the page's straight sides
     * survive, and their intersections put the lost corner back. The hull's chord across the
     * bite can be longer than a page side cut short by it, so every choice of four sides in
     * outline order is tried, and the plausible quadrilateral whose sides the outline really
     * follows (a chord has outline only at its ends) wins.
     * Where the page runs out of the frame, the frame's edge stands in for the one missing side;
     * with two sides missing there is too little outline to trust, as with a scan where the
     * page fills the frame.
     */
    private static Optional<Quad> cornersFromSides(Point[] poly, Point[] contour, int w, int h) {
        int n = poly.length;
        double perimeter = 0;
        for (int i = 0; i < n; i++) {
            perimeter += dist(poly[i], poly[(i + 1) % n]);
        }
        List<Integer> pageSides = new ArrayList<>(), frameSides = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Point a = poly[i], b = poly[(i + 1) % n];
            if (alongFrame(a, b, w, h)) {
                frameSides.add(i);
            } else if (dist(a, b) >= MIN_SIDE_FRACTION * perimeter) {
                pageSides.add(i);
            }
        }
        Comparator<Integer> longestFirst = Comparator.comparingDouble(i -> -dist(poly[i], poly[(i + 1) % n]));
        pageSides.sort(longestFirst);
        frameSides.sort(longestFirst);
        if (pageSides.size() < 3 || pageSides.size() == 3 && frameSides.isEmpty()) {
            return Optional.empty();
        }
        List<Integer> candidates = new ArrayList<>(pageSides.subList(0, Math.min(MAX_CANDIDATE_SIDES, pageSides.size())));
        if (!frameSides.isEmpty()) {
            candidates.add(frameSides.get(0));
        }
        candidates.sort(null);
        int m = candidates.size();
        // each side's fitted line and the outline along it, once: every choice of four reuses them
        double[][] lines = new double[m][];
        int[] support = new int[m];
        for (int k = 0; k < m; k++) {
            Point a = poly[candidates.get(k)], b = poly[(candidates.get(k) + 1) % n];
            List<Point> along = alongSide(a, b, contour);
            lines[k] = fitSide(a, b, along);
            support[k] = along.size();
        }
        Quad best = null;
        int bestSupport = 0;
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                for (int c = b + 1; c < m; c++) {
                    for (int d = c + 1; d < m; d++) {
                        int total = support[a] + support[b] + support[c] + support[d];
                        if (total <= bestSupport) {
                            continue;
                        }
                        Quad q = quadOf(lines[a], lines[b], lines[c], lines[d]);
                        if (q != null && plausible(q, w, h)) {
                            best = q;
                            bestSupport = total;
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The corners where four sides, in outline order, meet; null where two are nearly parallel. */
    private static Quad quadOf(double[]... sides) {
        Point[] corners = new Point[4];
        for (int k = 0; k < 4; k++) {
            Point c = intersect(sides[(k + 3) % 4], sides[k]);
            if (c == null) {
                return null;
            }
            corners[k] = c;
        }
        return Quad.ofCorners(corners);
    }

    private static boolean alongFrame(Point a, Point b, int w, int h) {
        double m = 2;
        return a.x <= m && b.x <= m || a.y <= m && b.y <= m
                || a.x >= w - 1 - m && b.x >= w - 1 - m || a.y >= h - 1 - m && b.y >= h - 1 - m;
    }

    /** The contour points along the middle of side a-b, away from rounded corners. */
    private static List<Point> alongSide(Point a, Point b, Point[] contour) {
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
        return near;
    }

    /** Fits side a-b to the contour points along its middle; the side itself where they are too few. */
    private static double[] fitSide(Point a, Point b, List<Point> near) {
        if (near.size() < 10) {
            double len = dist(a, b);
            return new double[]{(b.x - a.x) / len, (b.y - a.y) / len, a.x, a.y};
        }
        Mat line = new Mat();
        MatOfPoint2f points = new MatOfPoint2f(near.toArray(new Point[0]));
        try {
            Imgproc.fitLine(points, line, Imgproc.DIST_HUBER, 0, 0.01, 0.01);
            return new double[]{line.get(0, 0)[0], line.get(1, 0)[0], line.get(2, 0)[0], line.get(3, 0)[0]};
        } finally {
            Mats.release(line, points);
        }
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
        double mx = MAX_OUTSIDE * w, my = MAX_OUTSIDE * h;
        Point[] c = q.corners();
        for (Point p : c) {
            if (p.x < -mx || p.y < -my || p.x > w + mx || p.y > h + my) {
                return false;
            }
        }
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
        int[] ids;
        try {
            Imgproc.convexHull(contour, idx);
            ids = idx.toArray();
        } finally {
            Mats.release(idx);
        }
        Point[] pts = contour.toArray();
        Point[] out = new Point[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = pts[ids[i]];
        }
        return new MatOfPoint2f(out);
    }

    private static Point[] simplify(MatOfPoint2f closed, double relEpsilon) {
        MatOfPoint2f out = new MatOfPoint2f();
        try {
            Imgproc.approxPolyDP(closed, out, relEpsilon * Imgproc.arcLength(closed, true), true);
            return out.toArray();
        } finally {
            Mats.release(out);
        }
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}
