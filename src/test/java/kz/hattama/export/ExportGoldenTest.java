package kz.hattama.export;

import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static kz.hattama.store.Protocols.bytes;
import static kz.hattama.store.Protocols.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export as a consumer sees it, compared with files under src/test/resources/golden. Ids derive from the scans'
 * hashes, so the files do not depend on the database. Run with -Dgolden.update=true to rewrite them after an
 * intended change, then read the diff.
 */
class ExportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static TestDatabase.Schema schema;
    private static ExportSource source;

    @BeforeAll
    static void storeProtocols() {
        schema = TestDatabase.migratedSchema();
        Stores store = schema.stores();
        storeSamples(store);
        source = TestExports.source(schema);
    }

    /** A clean protocol, one that needs review, a file that is no scan and a re-sent copy. */
    static void storeSamples(Stores store) {
        Samples.read(store, 0, "IMG_0412.jpg", "photo of precinct 237", Protocols.verified());
        Samples.read(store, 1, "upload.zip!/folder/a.jpg", "scan of precinct 39", Protocols.needsReview());
        Samples.reject(store, 2, "notes.docx", "a word document", RejectionCode.UNSUPPORTED_TYPE);
        byte[] again = bytes("photo of precinct 237");
        store.intake().addSource(1, 3, "IMG_0412 (1).jpg", again, sha256(again), "image/jpeg");
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void jsonLinesMatchTheGoldenFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new JsonlExporter(source).write(ExportFilter.all(), out);

        assertThat(n).isEqualTo(4);
        assertMatchesGolden("export.jsonl", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void csvMatchesTheGoldenFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new CsvExporter(source).write(ExportFilter.all(), out);

        assertThat(n).isEqualTo(4);
        assertMatchesGolden("export.csv", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFilterKeepsOnlyItsStatusesAndAFileIsReplacedWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("verified.jsonl");
        Files.writeString(file, "an older export that must not survive\n");

        long n = new JsonlExporter(source).write(ExportFilter.of(ProtocolStatus.VERIFIED), file);

        assertThat(n).isOne();
        assertThat(Files.readAllLines(file)).singleElement().asString()
                .isEqualTo(Files.readAllLines(GOLDEN.resolve("export.jsonl")).get(0));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void everyRecordHasItsOwnIdAndEveryFieldKeyInPlainUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonlExporter(source).write(ExportFilter.all(), out);
        List<ExportRecord> records = new java.util.ArrayList<>();
        source.forEach(ExportFilter.all(), records::add);

        assertThat(records).extracting(ExportRecord::id).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(r -> assertThat(r.fields()).containsOnlyKeys(Protocols.FORM.keys()));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("две тысячи сто семьдесят").doesNotContain("\\u");
    }

    static void assertMatchesGolden(String name, String actual) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
