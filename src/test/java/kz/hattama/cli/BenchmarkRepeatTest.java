package kz.hattama.cli;

import kz.hattama.HattamaApplication;
import kz.hattama.SystemProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code benchmark --repeat}: the folder's scan is read once per copy (none a duplicate), and the heap after a full
 * collection and the database's growth are reported as the run goes.
 */
class BenchmarkRepeatTest {

    static final Path OUT = Path.of("target/benchmark-repeat");
    static final String SCAN = "p2021-000.png";

    final SystemProperties properties = new SystemProperties();

    @AfterEach
    void restore() {
        properties.restore();
    }

    @Test
    void eachCopyIsAProtocolOfItsOwnAndTheMemoryIsReported() throws IOException {
        properties.set("hattama.data-dir", System.getProperty("hattama.data-dir", ""));
        properties.set("hattama.db.url", System.getProperty("hattama.db.url", ""));
        properties.set("hattama.workers", "1");
        org.springframework.util.FileSystemUtils.deleteRecursively(OUT);
        Path folder = Files.createDirectories(OUT.resolve("one-scan"));
        Files.copy(Path.of("sample-scans", SCAN), folder.resolve(SCAN));
        String truth = Files.readAllLines(Path.of("sample-scans/.truth.jsonl")).stream()
                .filter(l -> l.contains("\"file\": \"" + SCAN + "\"") || l.contains("\"file\":\"" + SCAN + "\""))
                .findFirst().orElseThrow();
        Path truthFile = Files.writeString(OUT.resolve("truth.jsonl"), truth + "\n");

        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = HattamaApplication.run(new String[] {"benchmark", folder.toString(), "--truth", truthFile.toString(),
                    "--repeat", "3", "--sample-seconds", "1"});
        } finally {
            System.setOut(stdout);
        }

        String printed = captured.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(printed).isZero();
        assertThat(number(printed, "files")).as(printed).isEqualTo(3);
        assertThat(number(printed, "duplicates")).isZero();
        assertThat(number(printed, "protocols read")).isEqualTo(3);
        assertThat(printed).contains("heap after a full GC and database size").contains("heap_growth_mb")
                .contains("field_accuracy");
        // Three protocols with their scans and page images take room in the database.
        assertThat(Double.parseDouble(value(printed, "db_growth_mb"))).isPositive();
        assertThat(Double.parseDouble(value(printed, "heap_end_mb"))).isPositive();
    }

    private static long number(String printed, String row) {
        return Long.parseLong(value(printed, row));
    }

    private static String value(String printed, String row) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(row) + "\\s+([-+0-9.]+)").matcher(printed);
        assertThat(m.find()).as(row + " in\n" + printed).isTrue();
        return m.group(1);
    }
}
