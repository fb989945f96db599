package kz.hattama.ingest;

import kz.hattama.image.OpenCv;
import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad inputs, each named by the case it covers, get the reason a volunteer reads. */
class IntakeTest {

    static final Path BAD = Path.of("sample-scans/bad-input");
    static final InputWalker.Limits LIMITS = new InputWalker.Limits(10L * 1024 * 1024, 5000, 2048L * 1024 * 1024);
    final IntakeCheck check = new IntakeCheck();
    final PageDecoder decoder = new PageDecoder(200, 10, 600);

    @BeforeAll
    static void opencv() {
        OpenCv.load();
    }

    private IntakeItem intake(Path file) throws IOException {
        List<InputWalker.Entry> entries = InputWalker.walk(List.of(file), LIMITS);
        try (InputWalker.Reader reader = new InputWalker.Reader(LIMITS)) {
            return check.check(reader.read(0, entries.get(0)));
        }
    }

    private Rejection decoded(Path file) throws IOException {
        IntakeItem item = intake(file);
        assertThat(item.rejection()).isNull();
        return decoder.decode(item.file().bytes(), item.mediaType()).rejection();
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(intake(BAD.resolve("empty.jpg")).rejection().code()).isEqualTo(RejectionCode.EMPTY_FILE);
    }

    @Test
    void unsupportedTypeIsJudgedByContentNotName() throws IOException {
        IntakeItem item = intake(BAD.resolve("notes.txt"));
        assertThat(item.rejection().code()).isEqualTo(RejectionCode.UNSUPPORTED_TYPE);
        assertThat(item.rejection().message()).contains("JPEG, PNG, TIFF or PDF");
    }

    @Test
    void encryptedPdf() throws IOException {
        Rejection r = decoded(BAD.resolve("encrypted-pdf.pdf"));
        assertThat(r.code()).isEqualTo(RejectionCode.PASSWORD_PROTECTED);
        assertThat(r.message()).isEqualTo("The PDF needs a password to open. Upload it without one.");
    }

    @Test
    void truncatedPdf() throws IOException {
        assertThat(decoded(BAD.resolve("corrupt-truncated.pdf")).code()).isEqualTo(RejectionCode.CORRUPT_FILE);
    }

    @Test
    void truncatedJpeg() throws IOException {
        assertThat(decoded(BAD.resolve("corrupt-truncated.jpg")).code()).isEqualTo(RejectionCode.CORRUPT_FILE);
    }

    @Test
    void tinyImage() throws IOException {
        assertThat(decoded(BAD.resolve("tiny.png")).code()).isEqualTo(RejectionCode.TOO_SMALL);
    }

    @Test
    void tooLargeFileIsNeitherReadNorKeptNorGivenAContentHash(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.jpg");
        Files.write(big, new byte[2048]);
        InputWalker.Limits limits = new InputWalker.Limits(1024, 10, 1 << 20);
        InputWalker.Entry entry = InputWalker.walk(List.of(big), limits).get(0);
        IncomingFile file;
        try (InputWalker.Reader reader = new InputWalker.Reader(limits)) {
            file = reader.read(0, entry);
        }
        assertThat(file.bytes()).isNull();
        assertThat(file.identity()).isNotEqualTo(Hashes.sha256(new byte[2048])).hasSize(64);
        IntakeItem item = check.check(file);
        assertThat(item.rejection().code()).isEqualTo(RejectionCode.TOO_LARGE);
        assertThat(item.rejection().message()).contains("at most 0 MB");
    }

    @Test
    void pdfPagesAreRendered() throws IOException {
        IntakeItem item = intake(Path.of("sample-scans/p2021-024.pdf"));
        assertThat(item.mediaType()).isEqualTo(FileTypes.PDF);
        PageDecoder.Pages pages = decoder.decode(item.file().bytes(), item.mediaType());
        assertThat(pages.rejection()).isNull();
        assertThat(pages.pages()).hasSize(1);
        // A4 at 200 dpi.
        assertThat(pages.pages().get(0).cols()).isBetween(1600, 1700);
    }

    @Test
    void zipEntriesAreNamedInsideTheirZipAndFoldersAreWalkedInOrder(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("upload.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("folder/b.jpg", "folder/a.jpg", "__MACOSX/folder/._a.jpg")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(name.getBytes());
                z.closeEntry();
            }
        }
        Files.writeString(dir.resolve("c.txt"), "c");
        List<InputWalker.Entry> entries = InputWalker.walk(List.of(dir), LIMITS);
        assertThat(entries).extracting(InputWalker.Entry::name)
                .containsExactly("c.txt", "upload.zip!/folder/a.jpg", "upload.zip!/folder/b.jpg");
        IncomingFile a;
        try (InputWalker.Reader reader = new InputWalker.Reader(LIMITS)) {
            a = reader.read(1, entries.get(1));
        }
        assertThat(new String(a.bytes())).isEqualTo("folder/a.jpg");
    }
}
