package kz.hattama.upload;

import kz.hattama.batch.DigitizeLauncher;
import kz.hattama.store.DatabaseOutage;
import kz.hattama.store.StoreProperties;
import kz.hattama.store.UploadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads queued upload batches one after another with digitizeJob (one digitize runs at a time per database). The
 * queue lives in the database, so a batch queued before a restart, or left half-read by a stopped server, is read
 * when the server is back; the job itself resumes where it stopped. Runs in {@code serve} only.
 */
@Component
@org.springframework.context.annotation.Conditional(QueueRuns.class)
public class UploadQueue extends Poller {

    private static final Logger log = LoggerFactory.getLogger(UploadQueue.class);
    /** How often the queue looks again when nobody told it: after a restart, or while a CLI digitize holds the lock. */
    private static final long POLL_SECONDS = 5;
    private static final Duration WATCH = Duration.ofMillis(300);
    /** How often a running batch of the web page, the API or the consume folder looks for a bot's batch waiting. */
    private static final Duration PRIORITY_LOOK = Duration.ofSeconds(1);
    /** A batch whose job fails this many times is given up, so that one bad batch does not stop the rest. */
    private static final int MAX_ATTEMPTS = 3;
    /** Folders younger than this may be a batch still being written. */
    private static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final UploadStore uploads;
    private final DigitizeLauncher launcher;
    private final Path root;
    private final Duration outageWait;
    /** Whether the queue already said it waits for another digitize, so that it says so once, not every poll. */
    private boolean waiting;

    public UploadQueue(UploadStore uploads, DigitizeLauncher launcher, UploadService service, StoreProperties store) {
        super("upload-queue", POLL_SECONDS);
        this.outageWait = store.db().outageWait();
        this.uploads = uploads;
        this.launcher = launcher;
        this.root = service.root();
    }

    @Override
    protected void first() {
        removeOrphans();
    }

    @Override
    protected void poll() {
        drain();
    }

    @EventListener
    public void onQueued(BatchQueued event) {
        pollSoon();
    }

    /** Runs on the worker thread only, so batches never overlap. */
    private void drain() {
        try {
            while (isRunning()) {
                UploadStore.Batch batch = uploads.nextToRun().orElse(null);
                if (batch == null || !read(batch)) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The next poll tries again; a scheduled task that throws would never run again.
            log.error("The upload queue failed; it tries again in {} s", POLL_SECONDS, e);
        }
    }

    /** @return false when the database is busy with another digitize, so the queue waits for the next poll */
    private boolean read(UploadStore.Batch batch) {
        List<Path> inputs = List.of(batch.folder());
        if (batch.attempts() >= MAX_ATTEMPTS) {
            Optional<Long> read = launcher.completedInstance(inputs);
            if (read.isPresent()) {
                // Its last attempt did read it: only the bookkeeping was lost.
                done(batch, read.get());
                return true;
            }
            log.error("Upload batch {} failed {} times; giving it up (its files stay in {})", batch.id(), batch.attempts(), batch.folder());
            uploads.finished(batch.id(), UploadStore.BatchState.FAILED);
            return true;
        }
        JobExecution execution;
        boolean gaveWay = false;
        // Never read again: a second job would store every file as a duplicate under a job instance of its own, and
        // the batch, following the new instance, would lose its files, which then belong to nobody.
        try (DigitizeLauncher.Run run = launcher.start(inputs, false)) {
            waiting = false;
            // Recorded however long the database is away: the batch's page follows its files by the job instance.
            DatabaseOutage.retry(outageWait, () -> uploads.started(batch.id(), run.jobInstanceId()));
            long lookedAt = System.nanoTime();
            while (!run.await(WATCH)) {
                // The run goes on; the queue reads one batch at a time, but a bot's batch does not wait behind it.
                if (batch.origin() != UploadStore.Origin.BOT && !gaveWay
                        && System.nanoTime() - lookedAt >= PRIORITY_LOOK.toNanos()) {
                    lookedAt = System.nanoTime();
                    gaveWay = botWaiting() && run.giveWay();
                }
            }
            execution = run.execution();
        } catch (DigitizeLauncher.AlreadyReadException e) {
            // The server stopped between the job's end and the lines below: finish the bookkeeping, read nothing.
            log.info("Upload batch {} was read before the server stopped; marking it done", batch.id());
            done(batch, e.jobInstanceId());
            return true;
        } catch (DigitizeLauncher.BusyException e) {
            if (!waiting) {
                log.info("Another digitize holds the database; upload batch {} waits for it", batch.id());
            }
            waiting = true;
            return false;
        } catch (InterruptedException e) {
            // The server is stopping; the batch stays RUNNING and resumes at the next start.
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.error("Upload batch {} could not be read; it is tried again", batch.id(), e);
            return false;
        }
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            done(batch, execution.getJobInstance().getInstanceId());
        } else if (gaveWay && execution.getStatus() == BatchStatus.STOPPED) {
            // Continued where it stopped once the bot's batches are read: next to run, it is RUNNING and first after them.
            DatabaseOutage.retry(outageWait, () -> uploads.gaveWay(batch.id()));
            log.info("Upload batch {} gave way to a bot's upload; it continues after it", batch.id());
        } else {
            log.warn("Reading upload batch {} ended {}; it is tried again", batch.id(), execution.getStatus());
        }
        return true;
    }

    /** Marks the batch read by the job instance and removes its folder: every file is in the database now. */
    private void done(UploadStore.Batch batch, long jobInstanceId) {
        uploads.read(batch.id(), jobInstanceId);
        FileSystemUtils.deleteRecursively(batch.folder().toFile());
    }

    private boolean botWaiting() {
        try {
            return uploads.botWaiting();
        } catch (org.springframework.dao.DataAccessException e) {
            // The database is away: nothing can be queued meanwhile, and the run waits for it anyway.
            return false;
        }
    }

    /** Folders left by a crash between saving files and queueing them, or by read batches, are removed. */
    private void removeOrphans() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Set<Path> kept = new HashSet<>(uploads.keptFolders());
        Instant before = Instant.now().minus(ORPHAN_AGE);
        try (Stream<Path> folders = Files.list(root)) {
            folders.filter(Files::isDirectory).filter(f -> !kept.contains(f)).filter(f -> olderThan(f, before))
                    .forEach(f -> FileSystemUtils.deleteRecursively(f.toFile()));
        } catch (IOException e) {
            log.warn("Cannot tidy the uploads folder {}", root, e);
        }
    }

    private static boolean olderThan(Path p, Instant t) {
        try {
            return Files.getLastModifiedTime(p).compareTo(FileTime.from(t)) < 0;
        } catch (IOException e) {
            return false;
        }
    }
}
