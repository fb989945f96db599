package kz.hattama.cli;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.HattamaApplication;
import kz.hattama.SystemProperties;
import kz.hattama.export.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `benchmark --export`: the benchmark's database is thrown away when it ends, so the records it read are
 * written out first, for scoring per hand and per capture condition (src/test/python/by_condition.py).
 */
class BenchmarkExportTest {

    static final Path OUT = Path.of("target/benchmark-export");
    static final String SCAN = "p2021-000.png";

    // The benchmark points the application at its own throw-away database through these properties.
    final SystemProperties properties = new SystemProperties();

    @AfterEach
    void restore() {
        properties.restore();
    }

    @Test
    void theRecordsOfTheRunAreWrittenBeforeTheDatabaseGoes() throws IOException {
        properties.set("hattama.data-dir", System.getProperty("hattama.data-dir", ""));
        properties.set("hattama.db.url", System.getProperty("hattama.db.url", ""));
        org.springframework.util.FileSystemUtils.deleteRecursively(OUT);
        Path folder = Files.createDirectories(OUT.resolve("one-scan"));
        Files.copy(Path.of("sample-scans", SCAN), folder.resolve(SCAN));
        String truth = Files.readAllLines(Path.of("sample-scans/.truth.jsonl")).stream()
                .filter(l -> l.contains("\"file\": \"" + SCAN + "\"") || l.contains("\"file\":\"" + SCAN + "\""))
                .findFirst().orElseThrow();
        Path truthFile = Files.writeString(OUT.resolve("truth.jsonl"), truth + "\n");
        Path export = OUT.resolve("export.jsonl");

        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = HattamaApplication.run(new String[] {"benchmark", folder.toString(), "--truth", truthFile.toString(),
                    "--export", export.toString()});
        } finally {
            System.setOut(stdout);
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(printed).isZero();
        assertThat(printed).contains("field_accuracy").contains("Wrote 1 protocols to " + export);
        // Where the time went: every reading stage took some, and the shares are of the whole.
        assertThat(printed).contains("CPU time by stage");
        for (String stage : List.of("image (page, perspective, deskew, light)", "layout (rulings, labels)",
                "digits readers", "words readers", "store")) {
            assertThat(printed).containsPattern(java.util.regex.Pattern.quote(stage) + " +[0-9.]+ s +[0-9.]+ %");
        }
        assertThat(printed).doesNotContainPattern("digits readers +0\\.0 s");
        List<String> lines = Files.readAllLines(export);
        assertThat(lines).hasSize(1);
        JsonNode record = Json.MAPPER.readTree(lines.get(0));
        assertThat(record.path("source_files").toString()).contains(SCAN);
        assertThat(record.path("fields").has("voters_total")).isTrue();
        assertThat(record.path("fields").path("voters_total").has("status")).isTrue();
    }
}
