package kz.hattama.testsupport;

import kz.hattama.image.OpenCv;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile and awkward uploads, each named by the case it covers. The big ones (bombs, 100 000 entries, 1000 pages)
 * are made here at run time, small in bytes however much they claim; none is committed.
 */
public final class HostileFiles {

    public static final Path SAMPLES = Path.of("sample-scans");

    private HostileFiles() {
    }

    /** A valid PNG whose few hundred kilobytes of compressed zeros unpack to {@code side}² pixels. */
    public static byte[] decompressionBombPng(int side) {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
            byte[] row = new byte[side + 1]; // filter byte 0, then gray zeros
            for (int y = 0; y < side; y++) {
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(ihdr);
        try {
            d.writeInt(side);
            d.writeInt(side);
            d.write(new byte[]{8, 0, 0, 0, 0}); // 8-bit gray, deflate, no filter method, no interlace
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(png, "IHDR", ihdr.toByteArray());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        writeInt(png, data.length);
        png.writeBytes(t);
        png.writeBytes(data);
        writeInt(png, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    /** A small real JPEG whose frame header claims {@code width} × {@code height}. */
    public static byte[] jpegClaiming(int width, int height) {
        OpenCv.load();
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".jpg", new Mat(64, 64, CvType.CV_8UC3, new Scalar(200, 200, 200)), buf);
        byte[] b = buf.toArray();
        for (int i = 2; i + 8 < b.length; i++) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xC0) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
        }
        throw new IllegalStateException("no baseline frame header");
    }

    public static byte[] pdf(int pages, float widthInches, float heightInches) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                doc.addPage(new PDPage(new PDRectangle(widthInches * 72, heightInches * 72)));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that opens without a password but forbids changes (owner password only), as many offices send. */
    public static byte[] ownerPasswordOnly(Path pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            doc.protect(new StandardProtectionPolicy("owner-secret", "", permissions));
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The picture re-encoded as a CMYK JPEG, inverted the way Photoshop writes it (ImageIO cannot read these). */
    public static byte[] cmykJpeg(Path picture) {
        try {
            BufferedImage src = ImageIO.read(picture.toFile());
            WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, src.getWidth(), src.getHeight(), 4, null);
            int[] px = new int[4];
            for (int y = 0; y < src.getHeight(); y++) {
                for (int x = 0; x < src.getWidth(); x++) {
                    int rgb = src.getRGB(x, y);
                    int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                    int k = 255 - Math.max(r, Math.max(g, b));
                    px[0] = r + k;  // 255 - C, with C = 255 - r - k
                    px[1] = g + k;
                    px[2] = b + k;
                    px[3] = 255 - k;
                    cmyk.setPixel(x, y, px);
                }
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(cmyk, null, null), null);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The picture stored turned a quarter to the left, with the EXIF orientation 6 ("turn 90° clockwise to show")
     * that a phone writes instead of turning the pixels.
     */
    public static byte[] exifRotatedJpeg(Path picture) {
        OpenCv.load();
        Mat upright = Imgcodecs.imread(picture.toString(), Imgcodecs.IMREAD_COLOR);
        Mat stored = new Mat();
        Core.rotate(upright, stored, Core.ROTATE_90_COUNTERCLOCKWISE);
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".jpg", stored, buf);
        byte[] jpg = buf.toArray();
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try {
            DataOutputStream d = new DataOutputStream(tiff);
            d.writeBytes("MM");
            d.writeShort(42);
            d.writeInt(8);
            d.writeShort(1);            // one IFD entry:
            d.writeShort(0x0112);       // Orientation
            d.writeShort(3);            // SHORT
            d.writeInt(1);
            d.writeShort(6);
            d.writeShort(0);
            d.writeInt(0);              // no next IFD
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1});
        int len = 2 + 6 + body.length;
        out.write(len >> 8);
        out.write(len);
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        out.write(jpg, 2, jpg.length - 2);
        return out.toByteArray();
    }

    /** The start of an iPhone HEIC photo: the ftyp box that names it. */
    public static byte[] heic() {
        byte[] b = new byte[4096];
        new Random(7).nextBytes(b);
        byte[] head = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    public static byte[] elf() {
        byte[] b = new byte[4096];
        byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    public static byte[] randomBytes() {
        byte[] b = new byte[50_000];
        new Random(11).nextBytes(b);
        return b;
    }

    /** A white A4 page at 200 dpi. */
    public static byte[] blankPage() {
        OpenCv.load();
        MatOfByte buf = new MatOfByte();
        Imgcodecs.imencode(".png", new Mat(2339, 1654, CvType.CV_8UC1, new Scalar(255)), buf);
        return buf.toArray();
    }

    /** A zip of the given entries (name, content), names written in {@code charset} without the UTF-8 flag when not UTF-8. */
    public static void zip(Path zip, Charset charset, Object... namesAndContents) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip), charset)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                out.write((byte[]) namesAndContents[i + 1]);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void zipOfEmptyEntries(Path zip, int entries) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.NO_COMPRESSION);
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry(String.format("f%06d.jpg", i)));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A zip bomb: one entry {@code name} of {@code mib} MiB of zeros in about a thousandth of that. The deflate
     * stream is one compressed MiB of zeros repeated (each copy ends on a byte boundary and references nothing
     * before it), so no gigabytes are ever compressed here. {@code declaredSize} is what the zip's directory claims
     * the entry unpacks to: the truth, or less, as a forged bomb claims.
     */
    public static void zipBomb(Path zip, String name, int mib, long declaredSize) {
        byte[] mibOfZeros = new byte[1 << 20];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(mibOfZeros);
        byte[] buf = new byte[1 << 16];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
        deflater.end();
        CRC32 crc = new CRC32();
        for (int i = 0; i < mib; i++) {
            crc.update(mibOfZeros);
        }
        byte[] end = {0x03, 0x00}; // a final fixed-Huffman block holding only end-of-block
        long compressed = (long) n * mib + end.length;
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(zip))) {
            ByteArrayOutputStream local = new ByteArrayOutputStream();
            le32(local, 0x04034b50);
            entryFields(local, (int) crc.getValue(), compressed, declaredSize, nameBytes.length);
            local.writeBytes(nameBytes);
            out.write(local.toByteArray());
            for (int i = 0; i < mib; i++) {
                out.write(buf, 0, n);
            }
            out.write(end);
            long cdOffset = local.size() + compressed;
            ByteArrayOutputStream central = new ByteArrayOutputStream();
            le32(central, 0x02014b50);
            le16(central, 20); // made by
            entryFields(central, (int) crc.getValue(), compressed, declaredSize, nameBytes.length);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le32(central, 0);
            le32(central, 0); // local header offset
            central.writeBytes(nameBytes);
            out.write(central.toByteArray());
            ByteArrayOutputStream eocd = new ByteArrayOutputStream();
            le32(eocd, 0x06054b50);
            le16(eocd, 0);
            le16(eocd, 0);
            le16(eocd, 1);
            le16(eocd, 1);
            le32(eocd, central.size());
            le32(eocd, (int) cdOffset);
            le16(eocd, 0);
            out.write(eocd.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields a local header and a central directory entry share: version, UTF-8 flag, deflate, sizes … */
    private static void entryFields(ByteArrayOutputStream out, int crc, long compressed, long size, int nameLength) {
        le16(out, 20);
        le16(out, 0x0800);
        le16(out, 8);
        le32(out, 0);
        le32(out, crc);
        le32(out, (int) compressed);
        le32(out, (int) size);
        le16(out, nameLength);
        le16(out, 0); // no extra field
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        le16(out, v);
        le16(out, v >>> 16);
    }
}
