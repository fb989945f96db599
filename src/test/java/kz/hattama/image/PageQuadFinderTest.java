package kz.hattama.image;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageQuadFinderTest {

    @BeforeAll
    static void load() {
        OpenCv.load();
    }

    /**
     * The photo of the held-out set that was rejected as "not a protocol": a shadow darkens a
     * corner so much that the hull's chord across it is longer than what is left of the bottom
     * side, and the four longest sides made no page.
     */
    @Test
    void putsBackACornerThatAShadowBitOffEvenWhenTheBiteIsLongerThanTheSideLeft() {
        Point[] page = {new Point(160, 140), new Point(880, 170), new Point(900, 1160), new Point(130, 1190)};
        Mat photo = new Mat(1400, 1050, CvType.CV_8UC1, new Scalar(85));
        Imgproc.fillPoly(photo, List.of(new MatOfPoint(page)), new Scalar(232));
        // a soft shadow of half the page's width over the bottom right corner
        Mat shadow = new Mat(photo.size(), CvType.CV_8UC1, new Scalar(0));
        Imgproc.circle(shadow, page[2], 400, new Scalar(130), -1);
        Imgproc.GaussianBlur(shadow, shadow, new Size(31, 31), 0);
        org.opencv.core.Core.subtract(photo, shadow, photo);

        Quad quad = new PageQuadFinder().find(photo).orElseThrow();

        Point[] found = quad.corners();
        for (Point truth : page) {
            double nearest = java.util.Arrays.stream(found).mapToDouble(p -> Math.hypot(p.x - truth.x, p.y - truth.y)).min().orElseThrow();
            assertThat(nearest).as("corner %s among %s", truth, java.util.Arrays.toString(found)).isLessThan(15);
        }
    }
}
