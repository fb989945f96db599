package kz.hattama.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.HattamaApplication;
import kz.hattama.ocr.TessdataLocator;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * digitizeJob end to end through the real CLI commands, on sample scans and the bad-input
 * fixtures, against a real PostgreSQL (embedded unless HATTAMA_TEST_DB_URL names one).
 */
class DigitizeJobFunctionalTest {

    static final Path SAMPLES = Path.of("sample-scans");
    static final ObjectMapper JSON = new ObjectMapper();

    TestDatabase.Schema schema;
    final kz.hattama.SystemProperties properties = new kz.hattama.SystemProperties();

    @BeforeEach
    void database() {
        schema = emptyDatabase(properties);
        properties.set("hattama.workers", "2");
    }

    /** A fresh schema that the CLI commands run in this JVM use. */
    static TestDatabase.Schema emptyDatabase(kz.hattama.SystemProperties properties) {
        TestDatabase.Schema schema = TestDatabase.emptySchema();
        properties.database(schema);
        return schema;
    }


    @AfterEach
    void restore() {
        properties.restore();
        schema.close();
    }

    static Path copy(Path dir, String... names) throws IOException {
        for (String name : names) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(SAMPLES.resolve(name), target);
        }
        return dir;
    }

    static Map<String, JsonNode> export(Path dir) throws IOException {
        Path out = dir.resolveSibling(dir.getFileName() + "-export.jsonl");
        assertThat(HattamaApplication.run("export", "--out", out.toString())).isZero();
        Map<String, JsonNode> byFile = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode record = JSON.readTree(line);
            byFile.put(record.get("source_files").get(0).asText() + "#" + record.get("id").asText().replaceAll(".*-", ""), record);
        }
        return byFile;
    }

    static JsonNode only(Map<String, JsonNode> records, String file) {
        List<JsonNode> found = records.entrySet().stream().filter(e -> e.getKey().startsWith(file + "#"))
                .map(Map.Entry::getValue).toList();
        assertThat(found).as("records of " + file).hasSize(1);
        return found.get(0);
    }

    static Map<String, Integer> truth(String file) throws IOException {
        for (String line : Files.readAllLines(SAMPLES.resolve(".truth.jsonl"))) {
            JsonNode t = JSON.readTree(line);
            if (t.get("file").asText().equals(file)) {
                Map<String, Integer> v = new HashMap<>();
                t.get("fields").fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().asInt()));
                t.get("parties").forEach(p -> v.put("party_" + p.get("line").asInt(), p.get("votes").asInt()));
                return v;
            }
        }
        throw new IllegalArgumentException(file);
    }

    private String lastJobStatus() {
        return schema.jdbc().queryForObject(
                "select status from batch_job_execution order by job_execution_id desc limit 1", String.class);
    }

    @Test
    void typedScansAreReadExactlyAndBadFilesAreRejectedWithTheirReasons(@TempDir Path tmp) throws IOException {
        Path in = copy(tmp.resolve("in"), "p2021-000.png", "p2021-014.png", "p2021-024.pdf", "p2021-001.jpg",
                "bad-input/encrypted-pdf.pdf", "bad-input/empty.jpg", "bad-input/notes.txt",
                "bad-input/corrupt-truncated.jpg", "bad-input/not-a-protocol.jpg", "bad-input/tiny.png",
                "resent/same-scan-sent-again.png");

        assertThat(HattamaApplication.run("digitize", in.toString())).isZero();
        assertThat(lastJobStatus()).isEqualTo("COMPLETED");

        Map<String, JsonNode> records = export(in);
        assertThat(records).hasSize(11);
        for (String typed : List.of("p2021-000.png", "p2021-014.png", "p2021-024.pdf")) {
            JsonNode r = only(records, typed);
            assertThat(r.get("status").asText()).isIn("VERIFIED", "NEEDS_REVIEW");
            assertThat(r.get("form").asText()).isEqualTo("mazhilis-2021-pec");
            assertThat(r.get("source_sha256").get(0).asText()).hasSize(64);
            truth(typed).forEach((key, value) -> {
                JsonNode f = r.get("fields").get(key);
                assertThat(f.get("value").asInt()).as(typed + " " + key).isEqualTo(value);
                assertThat(f.get("status").asText()).isIn("VERIFIED", "NEEDS_REVIEW");
            });
        }
        assertThat(only(records, "p2021-000.png").get("precinct").asText()).isEqualTo("879");
        assertThat(only(records, "p2021-000.png").get("lang").asText()).isEqualTo("kk");
        assertThat(only(records, "p2021-014.png").get("lang").asText()).isEqualTo("ru");
        // A planted violation on paper (p2021-024: participated > issued) is reported, not bent.
        JsonNode violated = only(records, "p2021-024.pdf");
        assertThat(violated.get("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(violated.get("checks").findValuesAsText("id")).contains("participated_le_issued");
        assertThat(only(records, "p2021-001.jpg").get("fields").size()).isEqualTo(12);

        Map<String, String> reasons = Map.of(
                "bad-input/encrypted-pdf.pdf", "PASSWORD_PROTECTED",
                "bad-input/empty.jpg", "EMPTY_FILE",
                "bad-input/notes.txt", "UNSUPPORTED_TYPE",
                "bad-input/corrupt-truncated.jpg", "CORRUPT_FILE",
                "bad-input/not-a-protocol.jpg", "NOT_A_PROTOCOL",
                "bad-input/tiny.png", "TOO_SMALL");
        reasons.forEach((file, code) -> {
            JsonNode r = only(records, file);
            assertThat(r.get("status").asText()).as(file).isEqualTo("REJECTED");
            assertThat(r.get("rejection").get("code").asText()).as(file).isEqualTo(code);
            assertThat(r.get("rejection").get("message").asText()).as(file).isNotBlank();
        });
        // Sorted input: the original comes first, so the copy sent again is the duplicate.
        JsonNode duplicate = only(records, "resent/same-scan-sent-again.png");
        assertThat(duplicate.get("rejection").get("code").asText()).isEqualTo("DUPLICATE");
        assertThat(duplicate.get("rejection").get("message").asText()).contains("p2021-000.png");
    }

    @Test
    void runningTheSameCommandAgainReportsEveryFileAsADuplicate(@TempDir Path tmp) throws IOException {
        Path in = copy(tmp.resolve("in"), "p2021-014.png");
        assertThat(HattamaApplication.run("digitize", in.toString())).isZero();
        assertThat(HattamaApplication.run("digitize", in.toString())).isZero();
        assertThat(lastJobStatus()).isEqualTo("COMPLETED");
        Map<String, JsonNode> records = export(in);
        assertThat(records.values()).extracting(r -> r.get("status").asText())
                .containsExactlyInAnyOrder("REJECTED", records.values().stream()
                        .map(r -> r.get("status").asText()).filter(s -> !s.equals("REJECTED")).findFirst().orElseThrow());
    }

    @Test
    void aFileSentAgainAfterAnInternalErrorIsReadAgainWhileOtherRejectionsAndReadFilesStayDuplicates(@TempDir Path tmp)
            throws IOException {
        // The first run cannot read a protocol: its Tesseract language data is damaged, a fault on our side.
        Path damaged = Files.createDirectories(tmp.resolve("damaged-tessdata"));
        for (String lang : TessdataLocator.LANGUAGES) {
            Files.write(damaged.resolve(lang + ".traineddata"), new byte[0]);
        }
        properties.set("hattama.tessdata", damaged.toString());
        Path first = copy(tmp.resolve("first"), "p2021-014.png", "bad-input/corrupt-truncated.jpg");
        assertThat(HattamaApplication.run("digitize", first.toString())).isZero();
        Map<String, JsonNode> before = export(first);
        assertThat(only(before, "p2021-014.png").get("rejection").get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(only(before, "bad-input/corrupt-truncated.jpg").get("rejection").get("code").asText())
                .isEqualTo("CORRUPT_FILE");

        // Repaired, the same files are sent again; the protocol twice.
        properties.set("hattama.tessdata", "tessdata");
        Path again = Files.createDirectories(tmp.resolve("again"));
        Files.copy(SAMPLES.resolve("p2021-014.png"), again.resolve("a-sent-again.png"));
        Files.copy(SAMPLES.resolve("p2021-014.png"), again.resolve("b-sent-twice.png"));
        Files.copy(SAMPLES.resolve("bad-input/corrupt-truncated.jpg"), again.resolve("c-corrupt-again.jpg"));
        assertThat(HattamaApplication.run("digitize", again.toString())).isZero();
        assertThat(lastJobStatus()).isEqualTo("COMPLETED");

        Map<String, JsonNode> records = export(again);
        assertThat(records).hasSize(5);
        JsonNode read = only(records, "a-sent-again.png");
        assertThat(read.get("status").asText()).isIn("VERIFIED", "NEEDS_REVIEW");
        truth("p2021-014.png").forEach((key, value) ->
                assertThat(read.get("fields").get(key).get("value").asInt()).as(key).isEqualTo(value));
        // The failure stays in the record of the first upload, which was what happened to it.
        assertThat(only(records, "p2021-014.png").get("rejection").get("code").asText()).isEqualTo("INTERNAL_ERROR");
        JsonNode twice = only(records, "b-sent-twice.png");
        assertThat(twice.get("rejection").get("code").asText()).isEqualTo("DUPLICATE");
        assertThat(twice.get("rejection").get("message").asText()).contains("a-sent-again.png");
        JsonNode corrupt = only(records, "c-corrupt-again.jpg");
        assertThat(corrupt.get("rejection").get("code").asText()).isEqualTo("DUPLICATE");
        assertThat(corrupt.get("rejection").get("message").asText()).contains("corrupt-truncated.jpg");
        // The reading belongs to the second run's file, so to whoever sent it again.
        assertThat(schema.jdbc().queryForObject("""
                select s.job_instance_id = (select max(job_instance_id) from source_file)
                  from protocol p join source_file s on s.id = p.source_id where p.uid = ?""", Boolean.class,
                read.get("id").asText())).isTrue();
    }

    @Test
    void aJobKilledHalfWayIsFinishedByTheSameCommandWithoutLosingOrDoublingAProtocol(@TempDir Path tmp) throws Exception {
        Path in = copy(tmp.resolve("in"), "p2021-000.png", "p2021-002.jpg", "p2021-014.png", "p2021-024.pdf",
                "p2021-009.pdf", "p2021-001.jpg", "bad-input/notes.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dhattama.db.url=" + schema.url(), "-Dhattama.db.user=" + schema.user(),
                "-Dhattama.db.password=" + (schema.password() == null ? "" : schema.password()),
                "-Dhattama.workers=1",
                HattamaApplication.class.getName(), "digitize", in.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < deadline && child.isAlive() && protocolRows() < 2) {
                Thread.sleep(200);
            }
            assertThat(child.isAlive()).as("the job was still running when killed").isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }
        long before = protocolRows();
        assertThat(before).isBetween(2L, 6L);
        assertThat(schema.jdbc().queryForObject("select status from batch_job_execution", String.class)).isEqualTo("STARTED");

        assertThat(HattamaApplication.run("digitize", in.toString())).isZero();

        assertThat(schema.jdbc().queryForList("select status from batch_job_execution order by job_execution_id", String.class))
                .containsExactly("FAILED", "COMPLETED");
        assertThat(schema.jdbc().queryForObject("select count(distinct job_instance_id) from batch_job_execution", Long.class))
                .isEqualTo(1L);
        // Every file exactly once: seven files, seven records, none pending.
        assertThat(protocolRows()).isEqualTo(7);
        assertThat(schema.jdbc().queryForObject("select count(*) from source_file", Long.class)).isEqualTo(7);
        assertThat(schema.jdbc().queryForObject("select count(*) from source_file where state <> 'DONE'", Long.class)).isZero();
        assertThat(schema.jdbc().queryForObject(
                "select count(*) from (select source_id from protocol group by source_id having count(*) > 1) d", Long.class)).isZero();
    }

    private long protocolRows() {
        try {
            return schema.jdbc().queryForObject("select count(*) from protocol", Long.class);
        } catch (RuntimeException notYetMigrated) {
            return 0;
        }
    }
}
