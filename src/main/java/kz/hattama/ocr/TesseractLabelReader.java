package kz.hattama.ocr;

import kz.hattama.layout.LabelReader;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Reads a field's printed label for the layout. Print is what Tesseract reads best, and only a
 * match of the label's first words is wanted, so the band is read small: at 0.6 of the page's
 * scale (type 12-16 px high) a band costs about 10 ms instead of 20. The Kazakh model alone reads
 * both languages' labels (its alphabet holds the Russian one) at half the cost of "rus+kaz".
 */
public final class TesseractLabelReader implements LabelReader {

    private static final double SCALE = 0.6;
    private static final String LANGUAGE = "kaz";

    private final TesseractOcr tesseract;

    public TesseractLabelReader(TesseractOcr tesseract) {
        this.tesseract = tesseract;
    }

    @Override
    public String read(Mat band) {
        Mat small = new Mat();
        try {
            Imgproc.resize(band, small, new Size(), SCALE, SCALE, Imgproc.INTER_AREA);
            return small.empty() ? "" : tesseract.read(small, OcrMode.LABEL, LANGUAGE).text();
        } finally {
            small.release();
        }
    }
}
