package kz.hattama.image;

import kz.hattama.protocol.PageTurn;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/** Turns a picture by a {@link PageTurn}; the turn itself is part of the protocol model, which knows no OpenCV. */
public final class PageTurns {

    private PageTurns() {
    }

    /** The picture turned; NONE gives the picture itself. */
    public static Mat apply(PageTurn turn, Mat picture) {
        int code = switch (turn) {
            case NONE -> -1;
            case HALF -> Core.ROTATE_180;
            case CLOCKWISE -> Core.ROTATE_90_CLOCKWISE;
            case COUNTERCLOCKWISE -> Core.ROTATE_90_COUNTERCLOCKWISE;
        };
        if (code < 0) {
            return picture;
        }
        Mat out = new Mat();
        Core.rotate(picture, out, code);
        return out;
    }
}
