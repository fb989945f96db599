package kz.hattama.tools;

import kz.hattama.ingest.Mats;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a test picture the way the product will get it: bytes decoded by OpenCV; PDFs rendered first. */
public final class DevImages {

    private DevImages() {
    }

    public static Mat read(Path file) throws IOException {
        byte[] bytes = file.toString().toLowerCase().endsWith(".pdf") ? renderFirstPage(file) : Files.readAllBytes(file);
        MatOfByte encoded = new MatOfByte(bytes);
        try {
            return Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR);
        } finally {
            Mats.release(encoded);
        }
    }

    private static byte[] renderFirstPage(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.GRAY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        }
    }
}
