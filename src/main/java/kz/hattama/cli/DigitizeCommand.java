package kz.hattama.cli;

import kz.hattama.batch.DigitizeLauncher;
import kz.hattama.store.JobSummary;
import kz.hattama.store.ProtocolStore;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "digitize", mixinStandardHelpOptions = true,
        description = "Reads protocol scans, photos and PDFs (folders, zips or single files) into the database.")
public class DigitizeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Folders, zip files or single files.")
    List<Path> paths;

    // Field injection: picocli first builds commands without Spring to parse the command line.
    @Autowired
    private DigitizeLauncher launcher;
    @Autowired
    private ProtocolStore store;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        for (Path p : paths) {
            if (!p.toFile().exists()) {
                System.err.println("No such file or folder: " + p);
                return 2;
            }
        }
        long started = System.nanoTime();
        JobExecution execution;
        JobSummary summary;
        try (DigitizeLauncher.Run run = launcher.start(paths);
             ProgressBar bar = new ProgressBarBuilder().setTaskName("Reading").setInitialMax(0)
                     .setStyle(ProgressBarStyle.ASCII).setUnit(" files", 1).continuousUpdate()
                     .setUpdateIntervalMillis(500).build()) {
            long instance = run.jobInstanceId();
            while (run.isRunning()) {
                update(bar, store.summarize(instance), started);
                Thread.sleep(300);
            }
            summary = store.summarize(instance);
            update(bar, summary, started);
            execution = run.execution();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.println();
        out.print(summary.toTable());
        out.printf(Locale.ROOT, "%-26s %8.1f s%n", "wall time", seconds);
        out.printf(Locale.ROOT, "%-26s %8.2f%n", "protocols/s", summary.protocols() / Math.max(seconds, 1e-9));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            System.err.println("The job ended " + execution.getStatus() + ": "
                    + execution.getExitStatus().getExitDescription().lines().findFirst().orElse("")
                    + "\nRun the same command again to continue where it stopped.");
            return 1;
        }
        return 0;
    }

    private static void update(ProgressBar bar, JobSummary s, long started) {
        double seconds = Math.max(1e-9, Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        bar.maxHint(s.files());
        bar.stepTo(s.files() - s.pending());
        bar.setExtraMessage(String.format(Locale.ROOT, "%d protocols, %.2f protocols/s", s.protocols(), s.protocols() / seconds));
    }
}
