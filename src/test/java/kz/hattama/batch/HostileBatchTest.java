package kz.hattama.batch;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.HattamaApplication;
import kz.hattama.store.TestDatabase;
import kz.hattama.testsupport.HostileFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static kz.hattama.testsupport.HostileFiles.SAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every per-file fault is that file's REJECTED record and the job always completes: one batch of hostile and awkward
 * uploads, mixed with good protocols, digitized by a child JVM limited to a 1 GiB heap as a volunteer's laptop might be.
 */
class HostileBatchTest {

    static final String READ = "READ";
    static final Set<String> BLANK = Set.of("NOT_A_PROTOCOL", "UNREADABLE");

    TestDatabase.Schema schema;
    final kz.hattama.SystemProperties properties = new kz.hattama.SystemProperties();

    @BeforeEach
    void database() {
        schema = DigitizeJobFunctionalTest.emptyDatabase(properties);
    }

    @AfterEach
    void restore() {
        properties.restore();
        schema.close();
    }

    private static Path put(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    private static byte[] fixture(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/fixtures", name));
    }

    /** The batch; returns what each record (file name, or name#page for a PDF's pages) must become. */
    private static Map<String, Object> hostileBatch(Path in) throws IOException {
        Map<String, Object> expected = new LinkedHashMap<>();
        put(in, "decompression-bomb.png", HostileFiles.decompressionBombPng(12_000));
        expected.put("decompression-bomb.png", "IMAGE_TOO_LARGE");
        put(in, "jpeg-65000x65000.jpg", HostileFiles.jpegClaiming(65000, 65000));
        expected.put("jpeg-65000x65000.jpg", "IMAGE_TOO_LARGE");
        put(in, "pdf-page-200-inches.pdf", HostileFiles.pdf(1, 200, 200));
        expected.put("pdf-page-200-inches.pdf", "IMAGE_TOO_LARGE");
        put(in, "pdf-1000-pages.pdf", HostileFiles.pdf(1000, 8.27f, 11.69f));
        for (int page = 1; page <= 10; page++) {
            expected.put("pdf-1000-pages.pdf#" + page, BLANK);
        }
        HostileFiles.zipBomb(in.resolve("zip-bomb.zip"), "zeros.bin", 2048, 2048L << 20);
        expected.put("zip-bomb.zip!/zeros.bin", "TOO_LARGE");
        HostileFiles.zipBomb(in.resolve("zip-bomb-forged-size.zip"), "zeros.jpg", 64, 1000);
        expected.put("zip-bomb-forged-size.zip!/zeros.jpg", "CORRUPT_FILE");
        HostileFiles.zipOfEmptyEntries(in.resolve("zip-100000-entries.zip"), 100_000);
        expected.put("zip-100000-entries.zip", "ARCHIVE_TOO_LARGE");
        Path inner = Files.createTempFile("inner", ".zip");
        HostileFiles.zip(inner, StandardCharsets.UTF_8, "p.png", sample("bad-input/tiny.png"));
        HostileFiles.zip(in.resolve("nested-zip.zip"), StandardCharsets.UTF_8, "inner.zip", Files.readAllBytes(inner));
        Files.delete(inner);
        expected.put("nested-zip.zip!/inner.zip", "NESTED_ARCHIVE");
        HostileFiles.zip(in.resolve("zip-slip.zip"), StandardCharsets.UTF_8, "../../etc/passwd", "root:x:0:0:root:/root:/bin/bash\n".getBytes());
        expected.put("zip-slip.zip!/etc/passwd", "UNSUPPORTED_TYPE");
        HostileFiles.zip(in.resolve("cp866-names.zip"), java.nio.charset.Charset.forName("IBM866"), "Протокол №2.jpg", sample("p2021-002.jpg"));
        expected.put("cp866-names.zip!/Протокол №2.jpg", READ);
        HostileFiles.zip(in.resolve("nul-and-slashes-in-name.zip"), StandardCharsets.UTF_8,
                "a\u0000b.jpg", "not a photo, one".getBytes(), "dir\\sub\\c.jpg", "not a photo, two".getBytes());
        expected.put("nul-and-slashes-in-name.zip!/ab.jpg", "UNSUPPORTED_TYPE");
        expected.put("nul-and-slashes-in-name.zip!/dir/sub/c.jpg", "UNSUPPORTED_TYPE");
        HostileFiles.zip(in.resolve("folder-in-zip.zip"), StandardCharsets.UTF_8, "Участок 14/scan 14.png", sample("p2021-014.png"));
        expected.put("folder-in-zip.zip!/Участок 14/scan 14.png", READ);
        put(in, "encrypted-pdf.pdf", sample("bad-input/encrypted-pdf.pdf"));
        expected.put("encrypted-pdf.pdf", "PASSWORD_PROTECTED");
        put(in, "owner-password-only.pdf", HostileFiles.ownerPasswordOnly(SAMPLES.resolve("p2021-009.pdf")));
        expected.put("owner-password-only.pdf#1", READ);
        put(in, "corrupt-truncated.jpg", sample("bad-input/corrupt-truncated.jpg"));
        expected.put("corrupt-truncated.jpg", "CORRUPT_FILE");
        put(in, "corrupt-truncated.pdf", sample("bad-input/corrupt-truncated.pdf"));
        expected.put("corrupt-truncated.pdf", "CORRUPT_FILE");
        put(in, "random-bytes.jpg", HostileFiles.randomBytes());
        expected.put("random-bytes.jpg", "CORRUPT_FILE");
        put(in, "text-named.jpg", "Участок 12: 345 голосов".getBytes(StandardCharsets.UTF_8));
        expected.put("text-named.jpg", "UNSUPPORTED_TYPE");
        put(in, "html-named.jpg", "<!DOCTYPE html><html><body>protocol</body></html>".getBytes());
        expected.put("html-named.jpg", "UNSUPPORTED_TYPE");
        put(in, "elf-named.jpg", HostileFiles.elf());
        expected.put("elf-named.jpg", "UNSUPPORTED_TYPE");
        put(in, "tiny.png", sample("bad-input/tiny.png"));
        expected.put("tiny.png", "TOO_SMALL");
        put(in, "empty.jpg", new byte[0]);
        expected.put("empty.jpg", "EMPTY_FILE");
        put(in, "blank-page.png", HostileFiles.blankPage());
        expected.put("blank-page.png", BLANK);
        put(in, "not-a-protocol.jpg", sample("bad-input/not-a-protocol.jpg"));
        expected.put("not-a-protocol.jpg", "NOT_A_PROTOCOL");
        put(in, "exif-rotated.jpg", HostileFiles.exifRotatedJpeg(Path.of("src/test/resources/fixtures/photo-typed-ru-shadow.jpg")));
        expected.put("exif-rotated.jpg", READ);
        put(in, "cmyk-jpeg.jpg", HostileFiles.cmykJpeg(SAMPLES.resolve("p2021-001.jpg")));
        expected.put("cmyk-jpeg.jpg", READ);
        put(in, "png-named.jpg", fixture("scan-typed-ru.png"));
        expected.put("png-named.jpg", READ);
        put(in, "iphone-photo.heic", HostileFiles.heic());
        expected.put("iphone-photo.heic", "UNSUPPORTED_HEIC");
        // Sorted by path, the Cyrillic name comes before "яя…", so the copy is the duplicate.
        put(in, "Хаттама участок 879.png", sample("p2021-000.png"));
        expected.put("Хаттама участок 879.png", READ);
        put(in, "яя копия.png", sample("p2021-000.png"));
        expected.put("яя копия.png", "DUPLICATE");
        return expected;
    }

    private int digitizeInChildJvm(Path in, Path log, String... settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                "-Dhattama.db.url=" + schema.url(), "-Dhattama.db.user=" + schema.user(),
                "-Dhattama.db.password=" + (schema.password() == null ? "" : schema.password()),
                "-Dhattama.workers=2"));
        command.addAll(List.of(settings));
        command.addAll(List.of(HattamaApplication.class.getName(), "digitize", in.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!child.waitFor(10, TimeUnit.MINUTES)) {
                throw new AssertionError("digitize did not end; its log: " + tail(log));
            }
            return child.exitValue();
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 6000));
    }

    private List<String> jobStatuses() {
        return schema.jdbc().queryForList("select status from batch_job_execution order by job_execution_id", String.class);
    }

    private static String outcome(JsonNode record) {
        return record.get("status").asText().equals("REJECTED") ? record.get("rejection").get("code").asText() : READ;
    }

    @Test
    void hostileBatchUnderAOneGigabyteHeapCompletesWithEachFileItsOutcome(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Map<String, Object> expected = hostileBatch(in);

        int exit = digitizeInChildJvm(in, tmp.resolve("first.log"));
        assertThat(exit).as(tail(tmp.resolve("first.log"))).isZero();
        assertThat(jobStatuses()).containsExactly("COMPLETED");

        Map<String, JsonNode> records = DigitizeJobFunctionalTest.export(in);
        assertThat(records).hasSize(expected.size());
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        records.forEach((key, record) -> byFile.computeIfAbsent(key.substring(0, key.lastIndexOf('#')), k -> new ArrayList<>())
                .add(outcome(record)));
        expected.forEach((key, want) -> {
            String file = key.contains("#") ? key.substring(0, key.lastIndexOf('#')) : key;
            assertThat(byFile).as("records by file").containsKey(file);
            if (key.contains("#")) {
                assertThat(byFile.get(file)).as(file).hasSize((int) expected.keySet().stream().filter(k -> k.startsWith(file + "#")).count());
            } else {
                assertThat(byFile.get(file)).as(file).hasSize(1);
            }
            String got = byFile.get(file).get(0);
            if (want instanceof Set<?> any) {
                assertThat(byFile.get(file)).as(file).allMatch(any::contains);
            } else {
                assertThat(got).as(file).isEqualTo(want);
            }
        });
        for (String good : expected.keySet().stream().filter(k -> READ.equals(expected.get(k))).toList()) {
            JsonNode r = DigitizeJobFunctionalTest.only(records, good.replaceAll("#.*", ""));
            assertThat(r.get("form").asText()).isEqualTo("mazhilis-2021-pec");
            assertThat(r.get("source_sha256").get(0).asText()).hasSize(64);
        }
        // What was not kept is cited without a hash, never with one of bytes that are not there.
        assertThat(DigitizeJobFunctionalTest.only(records, "zip-bomb.zip!/zeros.bin").get("source_sha256").get(0).isNull()).isTrue();

        // The same command again completes too, and every file is now a duplicate.
        exit = digitizeInChildJvm(in, tmp.resolve("second.log"));
        assertThat(exit).as(tail(tmp.resolve("second.log"))).isZero();
        assertThat(jobStatuses()).containsExactly("COMPLETED", "COMPLETED");
        List<String> secondRun = schema.jdbc().queryForList("""
                select p.rejection_code from protocol p join source_file s on s.id = p.source_id
                 where s.job_instance_id = (select max(job_instance_id) from source_file)""", String.class);
        assertThat(secondRun).hasSize(expected.size() - 9).containsOnly("DUPLICATE");
    }

    @Test
    void anOutOfMemoryErrorWhileReadingOneFileIsThatFilesInternalErrorAndTheJobCompletes(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        // With the pixel cap lifted, rendering this page needs 1.6 GB of heap: the child's 1 GiB runs out.
        put(in, "pdf-page-200-inches.pdf", HostileFiles.pdf(1, 200, 200));
        put(in, "scan.png", sample("p2021-014.png"));

        int exit = digitizeInChildJvm(in, tmp.resolve("oom.log"), "-Dhattama.max-megapixels=100000");
        assertThat(exit).as(tail(tmp.resolve("oom.log"))).isZero();
        assertThat(jobStatuses()).containsExactly("COMPLETED");
        assertThat(Files.readString(tmp.resolve("oom.log"))).contains("OutOfMemoryError");
        Map<String, JsonNode> records = DigitizeJobFunctionalTest.export(in);
        assertThat(outcome(DigitizeJobFunctionalTest.only(records, "pdf-page-200-inches.pdf"))).isEqualTo("INTERNAL_ERROR");
        assertThat(outcome(DigitizeJobFunctionalTest.only(records, "scan.png"))).isEqualTo(READ);
    }
}
