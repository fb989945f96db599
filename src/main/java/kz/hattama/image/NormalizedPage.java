package kz.hattama.image;

import org.opencv.core.Mat;

/**
 * An upright grayscale page, {@link PageNormalizer#PAGE_WIDTH} pixels wide.
 *
 * @param image         8-bit grayscale, light evened out (paper ≈ 255)
 * @param pageOutline   where the page was found in the picture; null when the page filled the frame
 * @param skewDegrees   the rotation that was taken out, counter-clockwise positive
 */
public record NormalizedPage(Mat image, Quad pageOutline, double skewDegrees) {

    public boolean perspectiveCorrected() {
        return pageOutline != null;
    }
}
