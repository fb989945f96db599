package kz.hattama.layout;

import org.opencv.core.Mat;

/**
 * Reads the printed text in a small band of the page: the start of a field's label. The layout
 * anchors fields on their labels; reading them is the OCR stage's craft, handed in so that the
 * layout depends on no reader.
 */
@FunctionalInterface
public interface LabelReader {

    /** Reads nothing: fields are then placed by the rulings alone, and none is anchored on its label. */
    LabelReader NONE = band -> "";

    /** The text in a grayscale crop of the normalized page; empty where nothing could be read. */
    String read(Mat band);

    /**
     * Reads again, slower and more carefully, a band whose quick reading showed no label (small
     * type on a picture a messenger shrank). By default the quick reading once more.
     */
    default String reread(Mat band) {
        return read(band);
    }

    /** Reads a cell that holds a printed number alone («3.»). By default as a band read again. */
    default String readNumber(Mat cell) {
        return reread(cell);
    }
}
