package kz.hattama.cli;

import kz.hattama.batch.DigitizeLauncher;
import kz.hattama.export.ExportFilter;
import kz.hattama.export.ExportRecord;
import kz.hattama.export.ExportSource;
import kz.hattama.export.JsonlExporter;
import kz.hattama.export.Scorer;
import kz.hattama.recognize.StageClock;
import kz.hattama.store.JobSummaries;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Speed and accuracy on a folder with a truth file: digitize into a fresh, throw-away embedded
 * database (so earlier runs cannot turn the files into duplicates), then score.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = "Reads a folder of protocols with a truth file into a fresh temporary database and prints "
                + "the scorer's figures and protocols per second.")
public class BenchmarkCommand implements Callable<Integer> {

    /** Set before Spring starts, see HattamaApplication: the benchmark's own database folder. */
    public static final String FRESH_DATA_DIR = "hattama-benchmark-";

    @Parameters(index = "0", paramLabel = "FOLDER", description = "Folder of scans, photos and PDFs.")
    Path folder;

    @Option(names = "--truth", paramLabel = "TRUTH.jsonl", description = "Truth file; default FOLDER/truth.jsonl.")
    Path truth;

    // The benchmark's database is deleted when it ends, so scoring by hand or by capture condition
    // (src/test/python/by_condition.py) needs the records written out before that.
    @Option(names = "--export", paramLabel = "FILE.jsonl",
            description = "Also write the records read, as `export --out FILE.jsonl` would, before the temporary database goes.")
    Path export;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Feed the folder's files N times, each copy under a new name and made to differ in bytes "
                    + "(so none is a duplicate), and report the heap after a full GC and the database size as the run goes.")
    Integer repeat;

    @Option(names = "--sample-seconds", paramLabel = "S", defaultValue = "30",
            description = "With --repeat: seconds between two looks at the heap and the database. Default: ${DEFAULT-VALUE}.")
    int sampleSeconds;

    @Autowired
    private DigitizeLauncher launcher;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private JobSummaries jobs;
    @Autowired
    private ExportSource source;
    @Autowired
    private JsonlExporter jsonl;

    @Override
    public Integer call() throws Exception {
        Path truthFile = truth != null ? truth : folder.resolve("truth.jsonl");
        if (!Files.isRegularFile(truthFile)) {
            System.err.println("No truth file: " + truthFile);
            return 2;
        }
        if (repeat != null && repeat < 1) {
            System.err.println("--repeat must be at least 1");
            return 2;
        }
        ProgressRun.Result result;
        StageClock.reset();
        if (repeat == null) {
            result = ProgressRun.run(launcher, jobs, List.of(folder));
            ProgressRun.print(result, System.out);
        } else {
            try (RepeatedFolder copies = RepeatedFolder.of(folder, repeat)) {
                MemoryProbe probe = MemoryProbe.start(new JdbcTemplate(dataSource), Duration.ofSeconds(Math.max(1, sampleSeconds)));
                try {
                    result = ProgressRun.run(launcher, jobs, List.of(copies.root()));
                } finally {
                    probe.close();
                }
                ProgressRun.print(result, System.out);
                probe.print(System.out, result.summary().protocols());
            }
        }
        if (result.status() != BatchStatus.COMPLETED) {
            System.err.println("The job ended " + result.status());
            return 1;
        }
        List<ExportRecord> records = new ArrayList<>();
        source.forEach(ExportFilter.all(), records::add);
        System.out.println();
        System.out.print(Scorer.scoreRecords(source.form(), truthFile, records).report());
        System.out.printf(Locale.ROOT, "%-20s %.3f%n", "protocols_per_s", result.protocolsPerSecond());
        System.out.println();
        StageClock.print(System.out, result.summary().protocols());
        if (export != null) {
            System.out.println("Wrote " + jsonl.write(ExportFilter.all(), export) + " protocols to " + export);
        }
        return 0;
    }
}
