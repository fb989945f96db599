package kz.hattama.ingest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an upload's bytes into page pictures: each PDF page rendered, or the one image decoded.
 * Works in memory only, so the recognize step's processor stays free of I/O.
 */
public final class PageDecoder {

    /** Either the pages or why there are none. */
    public record Pages(List<Mat> pages, Rejection rejection) {
    }

    private final int pdfDpi;
    private final int maxPages;
    private final int minSide;

    public PageDecoder(int pdfDpi, int maxPages, int minSide) {
        this.pdfDpi = pdfDpi;
        this.maxPages = maxPages;
        this.minSide = minSide;
    }

    public Pages decode(byte[] bytes, String mediaType) {
        if (bytes.length == 0) {
            return rejected(RejectionCode.EMPTY_FILE);
        }
        return FileTypes.PDF.equals(mediaType) ? pdf(bytes) : image(bytes);
    }

    private Pages image(byte[] bytes) {
        Mat picture = Imgcodecs.imdecode(new MatOfByte(bytes), Imgcodecs.IMREAD_COLOR);
        if (picture.empty()) {
            return rejected(RejectionCode.CORRUPT_FILE);
        }
        if (Math.min(picture.cols(), picture.rows()) < minSide) {
            return rejected(RejectionCode.TOO_SMALL);
        }
        return new Pages(List.of(picture), null);
    }

    private Pages pdf(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int count = doc.getNumberOfPages();
            if (count == 0) {
                return rejected(RejectionCode.EMPTY_FILE);
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Mat> pages = new ArrayList<>();
            for (int i = 0; i < Math.min(count, maxPages); i++) {
                pages.add(toMat(renderer.renderImageWithDPI(i, pdfDpi, ImageType.GRAY)));
            }
            return new Pages(pages, null);
        } catch (InvalidPasswordException e) {
            return rejected(RejectionCode.PASSWORD_PROTECTED);
        } catch (IOException | RuntimeException e) {
            return rejected(RejectionCode.CORRUPT_FILE);
        }
    }

    private static Mat toMat(BufferedImage gray) {
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        Mat mat = new Mat(gray.getHeight(), gray.getWidth(), CvType.CV_8UC1);
        mat.put(0, 0, pixels);
        return mat;
    }

    private static Pages rejected(RejectionCode code) {
        return new Pages(List.of(), Rejection.of(code));
    }
}
