package kz.hattama.image;

import kz.hattama.testsupport.Fixtures;
import kz.hattama.testsupport.SyntheticPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PageNormalizerTest {

    private static final int RULE_Y = 1200;
    private final PageNormalizer normalizer = new PageNormalizer();

    @ParameterizedTest
    @ValueSource(doubles = {3.7, -6.2, 9.0, -0.8})
    void levelsARotatedPageToWithinThreeTenthsOfADegree(double degrees) {
        Mat page = SyntheticPages.rotated(SyntheticPages.textPage(7, RULE_Y), degrees);

        NormalizedPage out = normalizer.normalize(page);

        assertThat(out.skewDegrees()).isCloseTo(-degrees, within(0.3));
        assertThat(out.perspectiveCorrected()).isFalse();
        assertThat(residualTiltOfRule(out.image())).isCloseTo(0.0, within(0.3));
    }

    @ParameterizedTest
    @FieldSource("kz.hattama.testsupport.Fixtures#PHOTOS")
    void findsThePageInAPhotoAndGivesItA4Proportions(String photo) {
        NormalizedPage out = normalizer.normalize(Fixtures.read(photo));

        assertThat(out.perspectiveCorrected()).isTrue();
        assertThat(out.image().cols()).isEqualTo(PageNormalizer.PAGE_WIDTH);
        assertThat((double) out.image().rows() / out.image().cols()).isCloseTo(PageNormalizer.A4_ASPECT, within(0.03));
        assertThat(out.image().type()).isEqualTo(CvType.CV_8UC1);
    }

    @ParameterizedTest
    @FieldSource("kz.hattama.testsupport.Fixtures#SCANS")
    void takesAScanThatFillsTheFrameAsItIs(String scan) {
        NormalizedPage out = normalizer.normalize(Fixtures.read(scan));

        assertThat(out.perspectiveCorrected()).isFalse();
        assertThat(out.image().size()).isEqualTo(new org.opencv.core.Size(1654, 2339));
    }

    @Test
    void evensOutAShadowAcrossThePaper() {
        Mat page = normalizer.normalize(Fixtures.read("photo-typed-ru-shadow.jpg")).image();

        // The paper (the bright 80th percentile) of every ninth of the page comes out about as white.
        int w = page.cols() / 3, h = page.rows() / 3;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(percentile(page.submat(new Rect(i * w, j * h, w, h)), 0.8))
                        .as("paper in cell %d,%d", i, j).isGreaterThanOrEqualTo(225);
            }
        }
    }

    @Test
    void leavesAnUprightCleanScanAlone() {
        Mat page = SyntheticPages.textPage(3, RULE_Y);

        Mat out = normalizer.normalize(page).image();

        Mat diff = new Mat();
        Core.absdiff(page, out, diff);
        assertThat(Core.mean(diff).val[0]).isLessThan(1.5);
    }

    @Test
    void refusesATinyPicture() {
        assertThatThrownBy(() -> normalizer.normalize(new Mat(120, 90, CvType.CV_8UC3, new Scalar(200, 200, 200))))
                .isInstanceOf(PageNotFoundException.class).hasMessageContaining("pixels");
    }

    @Test
    void refusesABlankPicture() {
        assertThatThrownBy(() -> normalizer.normalize(new Mat(2000, 1500, CvType.CV_8UC1, new Scalar(240))))
                .isInstanceOf(PageNotFoundException.class).hasMessageContaining("blank");
    }

    /** Angle of the drawn rule in the output, from the height of its ink near each end. */
    private static double residualTiltOfRule(Mat page) {
        int left = 300, right = page.cols() - 300;
        double dy = darkestRowNear(page, right) - darkestRowNear(page, left);
        return Math.toDegrees(Math.atan2(dy, right - left));
    }

    /** Middle of the longest dark vertical run within ±100 px of the rule's height in column x. */
    private static double darkestRowNear(Mat page, int x) {
        int bestStart = -1, bestLen = 0, start = -1;
        for (int y = RULE_Y - 100; y < RULE_Y + 100; y++) {
            boolean dark = page.get(y, x)[0] < 128;
            if (dark && start < 0) {
                start = y;
            }
            if ((!dark || y == RULE_Y + 99) && start >= 0) {
                int len = y - start;
                if (len > bestLen) {
                    bestLen = len;
                    bestStart = start;
                }
                start = -1;
            }
        }
        return bestStart + bestLen / 2.0;
    }

    private static double percentile(Mat gray, double q) {
        byte[] px = new byte[(int) gray.total()];
        gray.clone().get(0, 0, px);
        int[] hist = new int[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        long target = (long) (q * px.length), seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen >= target) {
                return v;
            }
        }
        return 255;
    }
}
