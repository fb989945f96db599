package kz.hattama.batch;

import kz.hattama.store.DatabaseOutage;
import kz.hattama.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Starts {@code digitizeJob} the way a volunteer expects from re-running the same command: a run
 * that was killed or failed is restarted where it stopped; a run that completed is followed by a
 * new one (which then reports the files as duplicates).
 */
@Component
public class DigitizeLauncher {

    private static final Logger log = LoggerFactory.getLogger(DigitizeLauncher.class);
    /**
     * One digitize at a time per database schema (where the job repository and the protocols live): the lock tells a
     * killed run from a running one. Keyed by the schema, so that installations and tests sharing a server but not a
     * schema do not wait for each other.
     */
    private static final String LOCK_KEY = "hashtextextended('hattama-digitize:' || current_schema(), 0)";

    /** A run failed by the database going away is continued this many times at most, not forever. */
    private static final int MAX_OUTAGE_RESTARTS = 3;
    private static final int LOCK_CHECK_SECONDS = 2;
    private static final long LOCK_CHECK_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Job job;
    private final JobRepository repository;
    private final JobExplorer explorer;
    private final DataSource dataSource;
    private final Duration outageWait;
    /**
     * The run this JVM has going. The lock alone cannot say so once a database restart dropped the lock's session,
     * and the web app's queue must not start a second run beside it.
     */
    private final AtomicReference<Run> current = new AtomicReference<>();
    private final AtomicInteger threads = new AtomicInteger();

    public DigitizeLauncher(Job digitizeJob, JobRepository repository, JobExplorer explorer, DataSource dataSource,
                            StoreProperties store) {
        this.job = digitizeJob;
        this.repository = repository;
        this.explorer = explorer;
        this.dataSource = dataSource;
        this.outageWait = store.db().outageWait();
    }

    /** Another digitize holds the database; the web app's queue waits for it instead of failing the upload. */
    public static final class BusyException extends IllegalStateException {
        BusyException() {
            super("Another digitize is running on this database. Wait for it to finish.");
        }
    }

    /**
     * The inputs were read to the end already, by the job instance named; thrown instead of reading them again where
     * the caller asked for one reading only (the web app's queue, whose batches are read once).
     */
    public static final class AlreadyReadException extends IllegalStateException {
        private final long jobInstanceId;

        AlreadyReadException(long jobInstanceId) {
            super("These inputs were read to the end by job instance " + jobInstanceId);
            this.jobInstanceId = jobInstanceId;
        }

        public long jobInstanceId() {
            return jobInstanceId;
        }
    }

    /**
     * A started run: its execution and the lock held until {@link #close()}. The job runs on a thread of its own;
     * {@link #await} watches that thread rather than the database, so a database that goes away meanwhile neither
     * ends the watching nor lets another run start.
     */
    public final class Run implements AutoCloseable {
        private final JobParameters params;
        private Connection lock;
        private long lockCheckedAt = System.nanoTime();
        private volatile JobExecution execution;
        private volatile CompletableFuture<Void> done = new CompletableFuture<>();
        private int restarts;

        private Run(Connection lock, JobParameters params) {
            this.lock = lock;
            this.params = params;
        }

        /** The execution as the job thread keeps it; final once {@link #await} said the run ended. */
        public JobExecution execution() {
            return execution;
        }

        public long jobInstanceId() {
            return execution.getJobInstance().getInstanceId();
        }

        /**
         * Waits up to {@code timeout} for the run to end. A run that failed because the database went away (and came
         * back within {@code HATTAMA_DB_OUTAGE_WAIT}) is restarted where it stopped, a few times at most, and counts
         * as still running.
         *
         * @return true once the run has ended for good
         */
        public boolean await(Duration timeout) throws InterruptedException {
            try {
                done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                keepLock();
                return false;
            } catch (ExecutionException e) {
                throw new IllegalStateException("the digitize thread failed", e.getCause());
            }
            if (!failedForAnOutage(execution) || restarts >= MAX_OUTAGE_RESTARTS) {
                return true;
            }
            restarts++;
            log.warn("Digitize run {} failed while the database was away; continuing it where it stopped", execution.getId());
            DatabaseOutage.retry(outageWait, () -> {
                lockCheckedAt = 0;
                keepLock();
                repairInterrupted(explorer.getJobExecutions(execution.getJobInstance()));
                done = new CompletableFuture<>();
                execution = launch(params, done);
            });
            return false;
        }

        /**
         * A database restart ends the session that held the lock, and the lock with it: take it again once the
         * database is back, so that a digitize started meanwhile elsewhere waits for this one.
         */
        private void keepLock() {
            if (System.nanoTime() - lockCheckedAt < LOCK_CHECK_NANOS) {
                return;
            }
            lockCheckedAt = System.nanoTime();
            try {
                if (lock.isValid(LOCK_CHECK_SECONDS)) {
                    return;
                }
                Connection fresh = dataSource.getConnection();
                if (tryLock(fresh)) {
                    closeQuietly(lock);
                    lock = fresh;
                    log.info("Took the digitize lock again after the database came back");
                } else {
                    closeQuietly(fresh);
                    log.error("Another digitize took this database's lock while the database restarted; two run at once");
                }
            } catch (SQLException | DataAccessException e) {
                log.debug("The database is still away; the digitize lock is taken again when it is back", e);
            }
        }

        /**
         * Asks the run to stop after the files in hand, as an operator's stop would: each step looks at the job's
         * status between chunks (one file a chunk while recognizing), so the run ends STOPPED within a file or so,
         * with what it read committed. Starting the same inputs again continues where it stopped. Safe to repeat.
         *
         * @return false when the run could not be asked now (it ended, or its record was being written); ask again
         */
        public boolean giveWay() {
            try {
                JobExecution fresh = explorer.getJobExecution(execution.getId());
                if (fresh == null || !fresh.getStatus().isRunning()) {
                    return false;
                }
                if (fresh.getStatus() != BatchStatus.STOPPING) {
                    fresh.setStatus(BatchStatus.STOPPING);
                    repository.update(fresh);
                }
                return true;
            } catch (DataAccessException e) {
                // The job thread wrote the execution in between (its version moved), or the database is away.
                log.debug("Could not ask digitize run {} to give way yet", execution.getId(), e);
                return false;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                release(lock);
            } catch (SQLException e) {
                // The session is gone, and its lock with it.
                if (!DatabaseOutage.isOutage(e)) {
                    throw e;
                }
            }
        }
    }

    /** Starts the job in the background; the caller awaits the returned run. Inputs read before are read again. */
    public Run start(List<Path> inputs) throws Exception {
        return start(inputs, true);
    }

    /**
     * Starts the job in the background; the caller awaits the returned run.
     *
     * @param again whether inputs that a run read to the end are read again (the CLI: the files are then reported
     *              as duplicates); if not, {@link AlreadyReadException} names that run's job instance
     */
    public Run start(List<Path> inputs, boolean again) throws Exception {
        Run running = current.get();
        if (running != null && !running.done.isDone()) {
            throw new BusyException();
        }
        Connection lock = dataSource.getConnection();
        try {
            if (!tryLock(lock)) {
                throw new BusyException();
            }
            Run run = new Run(lock, parameters(joined(inputs), again));
            run.execution = launch(run.params, run.done);
            current.set(run);
            return run;
        } catch (Exception e) {
            release(lock);
            throw e;
        }
    }

    private JobExecution launch(JobParameters params, CompletableFuture<Void> done) {
        TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
        launcher.setJobRepository(repository);
        launcher.setTaskExecutor(task -> {
            Thread thread = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    done.complete(null);
                }
            }, "digitize-" + threads.incrementAndGet());
            thread.setDaemon(false);
            thread.start();
        });
        try {
            launcher.afterPropertiesSet();
            return ((JobLauncher) launcher).run(job, params);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start digitizeJob with " + params, e);
        }
    }

    /** The job instance that first read {@code inputs} to the end, if one did. */
    public Optional<Long> completedInstance(List<Path> inputs) {
        String joined = joined(inputs);
        for (long run = 1; ; run++) {
            JobExecution last = repository.getLastJobExecution(DigitizeJobConfiguration.JOB, parameters(joined, run));
            if (last == null) {
                return Optional.empty();
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return Optional.of(last.getJobInstance().getInstanceId());
            }
        }
    }

    private static String joined(List<Path> inputs) {
        return inputs.stream().map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.joining("\n"));
    }

    private static JobParameters parameters(String inputs, long run) {
        return new JobParametersBuilder()
                .addString(DigitizeJobConfiguration.INPUTS, inputs)
                .addLong(DigitizeJobConfiguration.RUN, run)
                .toJobParameters();
    }

    static boolean failedForAnOutage(JobExecution execution) {
        return execution.getStatus() != BatchStatus.COMPLETED && execution.getStatus() != BatchStatus.STOPPED
                && execution.getAllFailureExceptions().stream().anyMatch(DatabaseOutage::isOutage);
    }

    private JobParameters parameters(String inputs, boolean again) {
        for (long run = 1; ; run++) {
            JobParameters params = parameters(inputs, run);
            JobInstance instance = repository.getJobInstance(DigitizeJobConfiguration.JOB, params);
            if (instance == null) {
                return params;
            }
            List<JobExecution> executions = explorer.getJobExecutions(instance);
            if (executions.stream().anyMatch(e -> e.getStatus() == BatchStatus.COMPLETED)) {
                if (!again) {
                    throw new AlreadyReadException(instance.getInstanceId());
                }
                continue;
            }
            if (executions.stream().anyMatch(e -> e.getStatus() == BatchStatus.ABANDONED)) {
                continue;
            }
            repairInterrupted(executions);
            return params;
        }
    }

    /**
     * We hold the lock, so no execution of this instance is running, whatever the job repository says: one still
     * marked running was killed with its JVM; one marked UNKNOWN lost its database in the middle of a commit. Spring
     * Batch refuses to restart either. Mark them and their steps FAILED so that it restarts from what was committed,
     * which is safe here because every write of the job is safe to repeat and a file's progress lives with the
     * file, not in the step's context.
     */
    private void repairInterrupted(List<JobExecution> executions) {
        LocalDateTime now = LocalDateTime.now();
        for (JobExecution execution : executions) {
            boolean interrupted = isInterrupted(execution.getStatus());
            for (StepExecution step : execution.getStepExecutions()) {
                if (isInterrupted(step.getStatus())) {
                    interrupted = true;
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
                    step.setEndTime(now);
                    repository.update(step);
                }
            }
            if (isInterrupted(execution.getStatus())) {
                execution.setStatus(BatchStatus.FAILED);
                execution.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
                execution.setEndTime(now);
                repository.update(execution);
            }
            if (interrupted) {
                log.warn("Digitize run {} was interrupted; restarting it where it stopped", execution.getId());
            }
        }
    }

    private static boolean isInterrupted(BatchStatus status) {
        return status.isRunning() || status == BatchStatus.UNKNOWN;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing a lost connection", e);
        }
    }

    static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(" + LOCK_KEY + ")");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Unlocks before closing: the connection goes back to the pool with its session alive, and a session-level lock
     * left on it would make every later start in this JVM (the web app's queue) find the database busy.
     */
    static void release(Connection c) throws SQLException {
        try (c; PreparedStatement s = c.prepareStatement("select pg_advisory_unlock_all()")) {
            s.execute();
        }
    }

}
