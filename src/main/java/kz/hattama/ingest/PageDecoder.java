package kz.hattama.ingest;

import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns an upload's bytes into page pictures: each PDF page rendered, or the one image decoded.
 * Works in memory only, so the recognize step's processor stays free of I/O.
 */
public final class PageDecoder {

    /** Either the pages or why there are none. */
    public record Pages(List<Mat> pages, Rejection rejection) {
    }

    /**
     * {@code HATTAMA_MAX_MEGAPIXELS}'s default: above what phones save by default (12 to 50 MP) and an A4 scan at
     * 600 dpi (35 MP); a colour picture this size takes 180 MB decoded.
     */
    public static final int DEFAULT_MAX_MEGAPIXELS = 60;

    private final int pdfDpi;
    private final int maxPages;
    private final int minSide;
    private final long maxPixels;

    public PageDecoder(int pdfDpi, int maxPages, int minSide) {
        this(pdfDpi, maxPages, minSide, DEFAULT_MAX_MEGAPIXELS);
    }

    public PageDecoder(int pdfDpi, int maxPages, int minSide, int maxMegapixels) {
        this.pdfDpi = pdfDpi;
        this.maxPages = maxPages;
        this.minSide = minSide;
        this.maxPixels = maxMegapixels * 1_000_000L;
    }

    public Pages decode(byte[] bytes, String mediaType) {
        if (bytes.length == 0) {
            return rejected(RejectionCode.EMPTY_FILE);
        }
        return FileTypes.PDF.equals(mediaType) ? pdf(bytes) : image(bytes);
    }

    private Pages image(byte[] bytes) {
        // OpenCV decodes a cut-off JPEG or PNG without complaint, greying out what is missing;
        // such a half picture must be re-sent, not read.
        if (truncated(bytes)) {
            return rejected(RejectionCode.CORRUPT_FILE);
        }
        // A few bytes can claim gigapixels (a decompression bomb): the header decides before any pixel is decoded.
        long[] size = headerSize(bytes);
        if (size != null && size[0] * size[1] > maxPixels) {
            return tooManyPixels(size[0] * size[1]);
        }
        MatOfByte encoded = new MatOfByte(bytes);
        Mat picture;
        try {
            picture = Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
        } finally {
            Mats.release(encoded);
        }
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
                // PDFBox's lenient parser opens a cut-off file as a document without pages.
                return rejected(RejectionCode.CORRUPT_FILE);
            }
            int read = Math.min(count, maxPages);
            for (int i = 0; i < read; i++) {
                // A page may claim to be metres wide; rendered at our dpi it would not fit in memory.
                PDRectangle box = doc.getPage(i).getCropBox();
                long pixels = (long) Math.ceil(box.getWidth() / 72.0 * pdfDpi) * (long) Math.ceil(box.getHeight() / 72.0 * pdfDpi);
                if (pixels > maxPixels) {
                    return tooManyPixels(pixels);
                }
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            List<Mat> pages = new ArrayList<>();
            try {
                for (int i = 0; i < read; i++) {
                    pages.add(toMat(renderer.renderImageWithDPI(i, pdfDpi, ImageType.GRAY)));
                }
            } catch (IOException | RuntimeException | Error e) {
                // Pages already rendered live in native memory, which no garbage collector hurries to free.
                pages.forEach(Mat::release);
                throw e;
            }
            return new Pages(pages, null);
        } catch (InvalidPasswordException e) {
            return rejected(RejectionCode.PASSWORD_PROTECTED);
        } catch (IOException | RuntimeException e) {
            return rejected(RejectionCode.CORRUPT_FILE);
        }
    }

    private Pages tooManyPixels(long pixels) {
        return new Pages(List.of(), Rejection.of(RejectionCode.IMAGE_TOO_LARGE,
                Math.round(pixels / 1e6), maxPixels / 1_000_000));
    }

    /**
     * Width and height as the image's header states them, read by ImageIO without decoding the pixels (it reads
     * JPEG, PNG, TIFF, BMP, GIF); null where it does not know the format or cannot read the header (then the decoder
     * judges the file, and OpenCV's own limit of 2^30 pixels stands).
     */
    static long[] headerSize(byte[] bytes) {
        // In memory: ImageIO's default stream would spill to a temporary file.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new long[]{reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean truncated(byte[] b) {
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
        if (jpeg) {
            // The end-of-image marker, allowing for padding some cameras append after it.
            for (int i = b.length - 2; i >= Math.max(2, b.length - 4096); i--) {
                if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                    return false;
                }
            }
            return true;
        }
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        if (png) {
            String tail = new String(b, Math.max(0, b.length - 64), Math.min(64, b.length), java.nio.charset.StandardCharsets.ISO_8859_1);
            return !tail.contains("IEND");
        }
        return false;
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
