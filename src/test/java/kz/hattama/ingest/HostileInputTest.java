package kz.hattama.ingest;

import kz.hattama.image.OpenCv;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.testsupport.HostileFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static kz.hattama.testsupport.HostileFiles.SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile and awkward uploads, one test per case, each ending as its file's outcome rather than a crash. */
class HostileInputTest {

    static final long MB = 1024 * 1024;
    static final InputWalker.Limits LIMITS = new InputWalker.Limits(50 * MB, 5000, 2048 * MB);
    final IntakeCheck check = new IntakeCheck();
    final PageDecoder decoder = new PageDecoder(200, 10, 600, 60);

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    /** Every entry of what {@code path} holds, read and checked as the intake step does. */
    static List<IntakeItem> intake(Path path) throws IOException {
        List<IntakeItem> items = new ArrayList<>();
        List<InputWalker.Entry> entries = InputWalker.walk(List.of(path), LIMITS);
        try (InputWalker.Reader reader = new InputWalker.Reader(LIMITS)) {
            for (int i = 0; i < entries.size(); i++) {
                items.add(new IntakeCheck().check(reader.read(i, entries.get(i))));
            }
        }
        return items;
    }

    static IntakeItem only(Path path) throws IOException {
        List<IntakeItem> items = intake(path);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private Rejection decoded(Path path) throws IOException {
        IntakeItem item = only(path);
        assertThat(item.rejection()).as("intake of " + path).isNull();
        return decoder.decode(item.file().bytes(), item.mediaType()).rejection();
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Test
    void decompressionBombPngIsRefusedFromItsHeaderWithoutDecoding(@TempDir Path dir) throws IOException {
        byte[] bomb = HostileFiles.decompressionBombPng(12_000);
        assertThat(bomb.length).isLessThan(1 << 20);
        Rejection r = decoded(write(dir, "decompression-bomb.png", bomb));
        assertThat(r.code()).isEqualTo(RejectionCode.IMAGE_TOO_LARGE);
        assertThat(r.message()).contains("144 megapixels; at most 60");
    }

    @Test
    void jpegClaiming65000x65000IsImageTooLarge(@TempDir Path dir) throws IOException {
        Rejection r = decoded(write(dir, "jpeg-65000x65000.jpg", HostileFiles.jpegClaiming(65000, 65000)));
        assertThat(r.code()).isEqualTo(RejectionCode.IMAGE_TOO_LARGE);
    }

    @Test
    void pdfPageOf200InchesIsNotRendered(@TempDir Path dir) throws IOException {
        Rejection r = decoded(write(dir, "pdf-page-200-inches.pdf", HostileFiles.pdf(1, 200, 200)));
        assertThat(r.code()).isEqualTo(RejectionCode.IMAGE_TOO_LARGE);
    }

    @Test
    void pdfOf1000PagesRendersOnlyTheFirstPages(@TempDir Path dir) throws IOException {
        IntakeItem item = only(write(dir, "pdf-1000-pages.pdf", HostileFiles.pdf(1000, 8.27f, 11.69f)));
        PageDecoder.Pages pages = new PageDecoder(50, 3, 100, 60).decode(item.file().bytes(), item.mediaType());
        assertThat(pages.rejection()).isNull();
        assertThat(pages.pages()).hasSize(3);
        pages.pages().forEach(Mat::release);
    }

    @Test
    void zipBombEntryIsTooLargeFromTheDirectoryWithoutInflating(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("zip-bomb.zip");
        HostileFiles.zipBomb(zip, "zeros.bin", 2048, 2048 * MB);
        assertThat(Files.size(zip)).isLessThan(8 * MB);
        IntakeItem item = only(zip);
        assertThat(item.file().name()).isEqualTo("zip-bomb.zip!/zeros.bin");
        assertThat(item.rejection().code()).isEqualTo(RejectionCode.TOO_LARGE);
        assertThat(item.file().bytes()).isNull();
    }

    @Test
    void zipBombThatUnderstatesItsSizeIsCutOffAtTheStatedSize(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("zip-bomb-forged-size.zip");
        HostileFiles.zipBomb(zip, "zeros.jpg", 64, 1000);
        IntakeItem item = only(zip);
        assertThat(item.rejection().code()).isEqualTo(RejectionCode.CORRUPT_FILE);
        assertThat(item.file().size()).isEqualTo(1001);
    }

    @Test
    void zipOf100000EntriesIsOneArchiveTooLargeRecord(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("zip-100000-entries.zip");
        HostileFiles.zipOfEmptyEntries(zip, 100_000);
        IntakeItem item = only(zip);
        assertThat(item.file().name()).isEqualTo("zip-100000-entries.zip");
        assertThat(item.rejection().code()).isEqualTo(RejectionCode.ARCHIVE_TOO_LARGE);
        assertThat(item.rejection().message()).contains("5000 files");
    }

    @Test
    void zipInsideAZipIsRejectedAsNestedAndItsSiblingsAreRead(@TempDir Path dir) throws IOException {
        Path inner = dir.resolve("inner.zip");
        HostileFiles.zip(inner, StandardCharsets.UTF_8, "p.png", Files.readAllBytes(SAMPLES.resolve("bad-input/tiny.png")));
        Path outer = dir.resolve("in/nested-zip.zip");
        Files.createDirectories(outer.getParent());
        HostileFiles.zip(outer, StandardCharsets.UTF_8, "inner.zip", Files.readAllBytes(inner), "notes.txt", "hello".getBytes());
        List<IntakeItem> items = intake(outer);
        assertThat(items).extracting(i -> i.file().name())
                .containsExactly("nested-zip.zip!/inner.zip", "nested-zip.zip!/notes.txt");
        assertThat(items.get(0).rejection().code()).isEqualTo(RejectionCode.NESTED_ARCHIVE);
        assertThat(items.get(1).rejection().code()).isEqualTo(RejectionCode.UNSUPPORTED_TYPE);
    }

    @Test
    void zipSlipEntryGetsASafeNameAndIsOnlyRead(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("in/zip-slip.zip");
        Files.createDirectories(zip.getParent());
        HostileFiles.zip(zip, StandardCharsets.UTF_8, "../../etc/passwd", "root:x:0:0:root:/root:/bin/bash\n".getBytes());
        IntakeItem item = only(zip);
        assertThat(item.file().name()).isEqualTo("zip-slip.zip!/etc/passwd");
        assertThat(item.rejection().code()).isEqualTo(RejectionCode.UNSUPPORTED_TYPE);
        assertThat(dir.resolve("etc")).doesNotExist();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(zip);
        }
    }

    @Test
    void cp866NamesOfAWindowsZipAreDecoded(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("cp866-names.zip");
        HostileFiles.zip(zip, InputWalker.WINDOWS_CYRILLIC, "Протоколы/Участок №12.txt", "a".getBytes(),
                "Хаттама 7.txt", "b".getBytes());
        assertThat(intake(zip)).extracting(i -> i.file().name())
                .containsExactly("cp866-names.zip!/Протоколы/Участок №12.txt", "cp866-names.zip!/Хаттама 7.txt");
    }

    @Test
    void nulAndBackslashesInAnEntryNameAreCleaned(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("nul-and-slashes-in-name.zip");
        HostileFiles.zip(zip, StandardCharsets.UTF_8, "a\u0000b.jpg", "x".getBytes(), "dir\\sub\\c!.jpg", "y".getBytes());
        assertThat(intake(zip)).extracting(i -> i.file().name())
                .containsExactly("nul-and-slashes-in-name.zip!/ab.jpg", "nul-and-slashes-in-name.zip!/dir/sub/c_.jpg");
    }

    @Test
    void oneZipIsOpenedOnceForAllItsEntries(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("many.zip");
        HostileFiles.zipOfEmptyEntries(zip, 3000);
        List<InputWalker.Entry> entries = InputWalker.walk(List.of(zip), LIMITS);
        assertThat(entries).hasSize(3000);
        try (InputWalker.Reader reader = new InputWalker.Reader(LIMITS)) {
            reader.read(0, entries.get(0));
            // The zip stays open between entries: deleting it now leaves the remaining entries readable on Linux.
            Files.delete(zip);
            for (int i = 1; i < entries.size(); i++) {
                assertThat(reader.read(i, entries.get(i)).bytes()).isEmpty();
            }
        }
    }

    @Test
    void passwordPdfIsPasswordProtected() throws IOException {
        assertThat(decoded(SAMPLES.resolve("bad-input/encrypted-pdf.pdf")).code()).isEqualTo(RejectionCode.PASSWORD_PROTECTED);
    }

    @Test
    void ownerPasswordOnlyPdfOpensAndIsRendered(@TempDir Path dir) throws IOException {
        IntakeItem item = only(write(dir, "owner-password-only.pdf", HostileFiles.ownerPasswordOnly(SAMPLES.resolve("p2021-009.pdf"))));
        PageDecoder.Pages pages = decoder.decode(item.file().bytes(), item.mediaType());
        assertThat(pages.rejection()).isNull();
        assertThat(pages.pages()).hasSize(1);
    }

    @Test
    void nonImagesUnderImageNamesAreJudgedByContent(@TempDir Path dir) throws IOException {
        assertThat(only(write(dir, "elf-named.jpg", HostileFiles.elf())).rejection().code()).isEqualTo(RejectionCode.UNSUPPORTED_TYPE);
        assertThat(only(write(dir, "html-named.jpg", "<!DOCTYPE html><html><body>x</body></html>".getBytes())).rejection().code())
                .isEqualTo(RejectionCode.UNSUPPORTED_TYPE);
        assertThat(only(write(dir, "text-named.jpg", "Участок 12: 345 голосов".getBytes(StandardCharsets.UTF_8))).rejection().code())
                .isEqualTo(RejectionCode.UNSUPPORTED_TYPE);
        // No magic at all: the name's type is tried, and the bytes do not decode.
        assertThat(decoded(write(dir, "random-bytes.jpg", HostileFiles.randomBytes())).code()).isEqualTo(RejectionCode.CORRUPT_FILE);
    }

    @Test
    void heicPhotoIsToldToBeSentAsJpeg(@TempDir Path dir) throws IOException {
        Rejection r = only(write(dir, "iphone-photo.heic", HostileFiles.heic())).rejection();
        assertThat(r.code()).isEqualTo(RejectionCode.UNSUPPORTED_HEIC);
        assertThat(r.message()).contains("HEIC").contains("JPEG");
    }

    @Test
    void pngBytesNamedJpgAreReadAsPng(@TempDir Path dir) throws IOException {
        IntakeItem item = only(write(dir, "png-named.jpg", Files.readAllBytes(SAMPLES.resolve("p2021-014.png"))));
        assertThat(item.mediaType()).isEqualTo("image/png");
        assertThat(decoder.decode(item.file().bytes(), item.mediaType()).rejection()).isNull();
    }

    @Test
    void cmykJpegIsDecodedWithItsColours(@TempDir Path dir) throws IOException {
        Path original = SAMPLES.resolve("p2021-001.jpg");
        IntakeItem item = only(write(dir, "cmyk-jpeg.jpg", HostileFiles.cmykJpeg(original)));
        PageDecoder.Pages pages = decoder.decode(item.file().bytes(), item.mediaType());
        assertThat(pages.rejection()).isNull();
        Mat expected = Imgcodecs.imread(original.toString(), Imgcodecs.IMREAD_COLOR);
        assertThat(meanAbsDiff(pages.pages().get(0), expected)).isLessThan(8);
    }

    @Test
    void exifRotatedPhotoIsDecodedUpright(@TempDir Path dir) throws IOException {
        Path original = SAMPLES.resolve("p2021-002.jpg");
        IntakeItem item = only(write(dir, "exif-rotated.jpg", HostileFiles.exifRotatedJpeg(original)));
        Mat page = decoder.decode(item.file().bytes(), item.mediaType()).pages().get(0);
        Mat upright = Imgcodecs.imread(original.toString(), Imgcodecs.IMREAD_COLOR);
        assertThat(page.size()).isEqualTo(upright.size());
        assertThat(meanAbsDiff(page, upright)).isLessThan(8);
    }

    @Test
    void tinyImageIsTooSmall() throws IOException {
        assertThat(decoded(SAMPLES.resolve("bad-input/tiny.png")).code()).isEqualTo(RejectionCode.TOO_SMALL);
    }

    @Test
    void cyrillicAndSpacedFileNamesAreKept(@TempDir Path dir) throws IOException {
        IntakeItem item = only(write(dir, "Протоколы участков/Хаттама № 5 (копия).png",
                Files.readAllBytes(SAMPLES.resolve("bad-input/tiny.png"))).getParent());
        assertThat(item.file().name()).isEqualTo("Хаттама № 5 (копия).png");
    }

    private static double meanAbsDiff(Mat a, Mat b) {
        Mat diff = new Mat();
        Core.absdiff(a, b, diff);
        Scalar mean = Core.mean(diff);
        return (mean.val[0] + mean.val[1] + mean.val[2]) / 3;
    }
}
