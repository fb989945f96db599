package kz.hattama.ocr;

import kz.hattama.layout.LabelReader;
import kz.hattama.ingest.Mats;
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
            Mats.release(small);
        }
    }

    /**
     * Digits only (the Kazakh model takes a lone «5.» for «Б»), as the cell is and, where that
     * finds nothing, twice as large: Tesseract misses a lone small digit at one scale or the other.
     */
    @Override
    public String readNumber(Mat cell) {
        if (cell.empty()) {
            return "";
        }
        Mat continuous = cell.isContinuous() ? cell : cell.clone(), large = new Mat();
        try {
            String digits = tesseract.read(continuous, OcrMode.DIGITS, "eng").text();
            if (!digits.isBlank()) {
                return digits;
            }
            Imgproc.resize(continuous, large, new Size(), 2, 2, Imgproc.INTER_CUBIC);
            return tesseract.read(large, OcrMode.DIGITS, "eng").text();
        } finally {
            Mats.release(continuous == cell ? null : continuous, large);
        }
    }

    /** At the page's own scale: the party names' small type on a shrunk picture needs every pixel. */
    @Override
    public String reread(Mat band) {
        if (band.empty()) {
            return "";
        }
        Mat continuous = band.isContinuous() ? band : band.clone();
        try {
            return tesseract.read(continuous, OcrMode.LABEL, LANGUAGE).text();
        } finally {
            Mats.release(continuous == band ? null : continuous);
        }
    }
}
