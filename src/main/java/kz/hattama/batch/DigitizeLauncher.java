package kz.hattama.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
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

    private final Job job;
    private final JobRepository repository;
    private final JobExplorer explorer;
    private final DataSource dataSource;

    public DigitizeLauncher(Job digitizeJob, JobRepository repository, JobExplorer explorer, DataSource dataSource) {
        this.job = digitizeJob;
        this.repository = repository;
        this.explorer = explorer;
        this.dataSource = dataSource;
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

    /** A started run: its execution and the lock held until {@link #close()}. */
    public final class Run implements AutoCloseable {
        private final Connection lock;
        private final long executionId;

        private Run(Connection lock, long executionId) {
            this.lock = lock;
            this.executionId = executionId;
        }

        public JobExecution execution() {
            return explorer.getJobExecution(executionId);
        }

        public long jobInstanceId() {
            return execution().getJobInstance().getInstanceId();
        }

        public boolean isRunning() {
            JobExecution e = execution();
            return e.getStatus().isRunning() && e.getEndTime() == null;
        }

        @Override
        public void close() throws SQLException {
            release(lock);
        }
    }

    /** Starts the job in the background; the caller polls the returned run. Inputs read before are read again. */
    public Run start(List<Path> inputs) throws Exception {
        return start(inputs, true);
    }

    /**
     * Starts the job in the background; the caller polls the returned run.
     *
     * @param again whether inputs that a run read to the end are read again (the CLI: the files are then reported
     *              as duplicates); if not, {@link AlreadyReadException} names that run's job instance
     */
    public Run start(List<Path> inputs, boolean again) throws Exception {
        Connection lock = dataSource.getConnection();
        try {
            if (!tryLock(lock)) {
                throw new BusyException();
            }
            JobParameters params = parameters(joined(inputs), again);
            TaskExecutorJobLauncher launcher = new TaskExecutorJobLauncher();
            launcher.setJobRepository(repository);
            launcher.setTaskExecutor(new SimpleAsyncTaskExecutor("digitize-"));
            launcher.afterPropertiesSet();
            JobExecution execution = ((JobLauncher) launcher).run(job, params);
            return new Run(lock, execution.getId());
        } catch (Exception e) {
            release(lock);
            throw e;
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

    private JobParameters parameters(String inputs, boolean again) {
        for (long run = 1; ; run++) {
            JobParameters params = parameters(inputs, run);
            JobExecution last = repository.getLastJobExecution(DigitizeJobConfiguration.JOB, params);
            if (last == null) {
                return params;
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                if (!again) {
                    throw new AlreadyReadException(last.getJobInstance().getInstanceId());
                }
                continue;
            }
            if (last.getStatus().isRunning()) {
                abandonStale(explorer.getJobExecution(last.getId()));
            }
            return params;
        }
    }

    /**
     * We hold the lock, so an execution still marked running was killed with its JVM. Mark it and
     * its steps FAILED so that Spring Batch restarts it from what was committed.
     */
    private void abandonStale(JobExecution execution) {
        log.warn("Digitize run {} was interrupted; restarting it where it stopped", execution.getId());
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted"));
        execution.setEndTime(now);
        repository.update(execution);
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
