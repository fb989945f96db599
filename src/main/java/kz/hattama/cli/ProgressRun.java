package kz.hattama.cli;

import kz.hattama.batch.DigitizeLauncher;
import kz.hattama.store.DatabaseOutage;
import kz.hattama.store.JobSummaries;
import kz.hattama.store.JobSummary;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.springframework.batch.core.BatchStatus;
import org.springframework.dao.DataAccessException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Runs digitizeJob with a progress bar (files done / total, protocols per second) and prints the summary. */
final class ProgressRun {

    record Result(BatchStatus status, String exitDescription, JobSummary summary, double seconds) {
        double protocolsPerSecond() {
            return summary.protocols() / Math.max(seconds, 1e-9);
        }
    }

    private static final Duration TICK = Duration.ofMillis(500);

    private ProgressRun() {
    }

    static Result run(DigitizeLauncher launcher, JobSummaries jobs, List<Path> paths) throws Exception {
        long started = System.nanoTime();
        try (DigitizeLauncher.Run run = launcher.start(paths);
             ProgressBar bar = new ProgressBarBuilder().setTaskName("Reading").setInitialMax(0)
                     .setStyle(ProgressBarStyle.ASCII).setUnit(" files", 1).continuousUpdate()
                     .setUpdateIntervalMillis(1000).build()) {
            long instance = run.jobInstanceId();
            while (!run.await(TICK)) {
                try {
                    update(bar, jobs.summarize(instance), started);
                } catch (DataAccessException e) {
                    if (!DatabaseOutage.isOutage(e)) {
                        throw e;
                    }
                    // The job waits for the database too; the bar moves again when it is back.
                }
            }
            JobSummary summary = jobs.summarize(instance);
            update(bar, summary, started);
            var execution = run.execution();
            return new Result(execution.getStatus(), execution.getExitStatus().getExitDescription(), summary,
                    (System.nanoTime() - started) / 1e9);
        }
    }

    static void print(Result r, PrintStream out) {
        out.println();
        out.print(r.summary().toTable());
        out.printf(Locale.ROOT, "%-26s %8.1f s%n", "wall time", r.seconds());
        out.printf(Locale.ROOT, "%-26s %8.2f%n", "protocols/s", r.protocolsPerSecond());
    }

    private static void update(ProgressBar bar, JobSummary s, long started) {
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        bar.maxHint(s.files());
        bar.stepTo(s.files() - s.pending());
        bar.setExtraMessage(String.format(Locale.ROOT, "%d protocols, %.2f protocols/s", s.protocols(), s.protocols() / seconds));
    }
}
