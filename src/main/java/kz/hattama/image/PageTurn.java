package kz.hattama.image;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * A quarter or half turn of a whole picture. Scanners feed pages upside down and phones lose
 * their orientation tag, so a protocol may arrive turned; the recogniser tries the turns in this
 * order, likeliest first.
 */
public enum PageTurn {
    NONE(-1), HALF(Core.ROTATE_180), CLOCKWISE(Core.ROTATE_90_CLOCKWISE), COUNTERCLOCKWISE(Core.ROTATE_90_COUNTERCLOCKWISE);

    private final int code;

    PageTurn(int code) {
        this.code = code;
    }

    /** The picture turned; NONE gives the picture itself. */
    public Mat apply(Mat picture) {
        if (this == NONE) {
            return picture;
        }
        Mat out = new Mat();
        Core.rotate(picture, out, code);
        return out;
    }
}
