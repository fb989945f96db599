package kz.hattama.image;

import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;

/** A page outline in picture coordinates, corners in reading order. */
public record Quad(Point topLeft, Point topRight, Point bottomRight, Point bottomLeft) {

    /** Orders four corners of a page seen at less than 45° of rotation. */
    public static Quad ofCorners(Point[] corners) {
        if (corners.length != 4) {
            throw new IllegalArgumentException("a quad has 4 corners, got " + corners.length);
        }
        Point tl = corners[0], tr = corners[0], br = corners[0], bl = corners[0];
        for (Point p : corners) {
            if (p.x + p.y < tl.x + tl.y) tl = p;
            if (p.x + p.y > br.x + br.y) br = p;
            if (p.x - p.y > tr.x - tr.y) tr = p;
            if (p.y - p.x > bl.y - bl.x) bl = p;
        }
        return new Quad(tl, tr, br, bl);
    }

    public Quad scaled(double f) {
        return new Quad(mul(topLeft, f), mul(topRight, f), mul(bottomRight, f), mul(bottomLeft, f));
    }

    public double width() {
        return (dist(topLeft, topRight) + dist(bottomLeft, bottomRight)) / 2;
    }

    public double height() {
        return (dist(topLeft, bottomLeft) + dist(topRight, bottomRight)) / 2;
    }

    public double area() {
        Point[] p = corners();
        double a = 0;
        for (int i = 0; i < 4; i++) {
            Point q = p[(i + 1) % 4];
            a += p[i].x * q.y - q.x * p[i].y;
        }
        return Math.abs(a) / 2;
    }

    public Point[] corners() {
        return new Point[]{topLeft, topRight, bottomRight, bottomLeft};
    }

    public MatOfPoint2f toMat() {
        return new MatOfPoint2f(corners());
    }

    private static Point mul(Point p, double f) {
        return new Point(p.x * f, p.y * f);
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }
}
