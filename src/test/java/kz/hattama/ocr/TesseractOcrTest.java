package kz.hattama.ocr;

import kz.hattama.image.OpenCv;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TesseractOcrTest {

    /** A place cut down to a sliver (a figure's place squeezed between two words) is read as nothing, not by Tesseract. */
    @Test
    void aSliverIsReadAsNothing() {
        OpenCv.load();
        try (TesseractOcr ocr = new TesseractOcr(Path.of("tessdata"))) {
            Mat sliver = new Mat(36, 2, CvType.CV_8UC1, new Scalar(0));
            assertThat(ocr.read(sliver, OcrMode.DIGITS, "eng")).isSameAs(OcrLine.EMPTY);
            assertThat(ocr.readBlock(new Mat(3, 200, CvType.CV_8UC1, new Scalar(0)), "rus")).isSameAs(OcrBlock.EMPTY);
        }
    }
}
