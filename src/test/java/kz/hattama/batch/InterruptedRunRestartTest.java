package kz.hattama.batch;

import kz.hattama.HattamaApplication;
import kz.hattama.SystemProperties;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running digitize again continues a run however it ended short of COMPLETED. UNKNOWN is what Spring Batch leaves
 * when the database went away in the middle of a commit, and it refuses to restart from it ("Manual intervention is
 * probably necessary"); a volunteer cannot intervene, and every write of the job is safe to repeat.
 */
class InterruptedRunRestartTest {

    private final SystemProperties properties = new SystemProperties();
    private TestDatabase.Schema schema;

    @BeforeEach
    void database() {
        schema = TestDatabase.migratedSchema();
        properties.database(schema);
        properties.set("hattama.workers", "1");
    }

    @AfterEach
    void restore() {
        properties.restore();
        schema.close();
    }

    @ParameterizedTest
    @EnumSource(value = BatchStatus.class, names = {"UNKNOWN", "STOPPED", "FAILED"})
    void aRunThatEndedShortOfCompletedIsContinuedByTheSameCommand(BatchStatus ended, @TempDir Path tmp) throws Exception {
        Path in = DigitizeJobFunctionalTest.copy(tmp.resolve("in"), "p2021-014.png");
        JobRepository repository = repository();
        JobParameters params = new JobParametersBuilder()
                .addString(DigitizeJobConfiguration.INPUTS, in.toAbsolutePath().normalize().toString())
                .addLong(DigitizeJobConfiguration.RUN, 1L)
                .toJobParameters();
        JobExecution earlier = repository.createJobExecution(DigitizeJobConfiguration.JOB, params);
        StepExecution intake = earlier.createStepExecution(DigitizeJobConfiguration.INTAKE);
        repository.add(intake);
        // A step UNKNOWN under a job FAILED is refused as well: the step handler looks at the step's last status.
        intake.setStatus(ended == BatchStatus.FAILED ? BatchStatus.UNKNOWN : ended);
        repository.update(intake);
        earlier.setStatus(ended);
        repository.update(earlier);

        assertThat(HattamaApplication.run("digitize", in.toString())).isZero();

        assertThat(schema.jdbc().queryForList("select status from batch_job_execution order by job_execution_id", String.class))
                .containsExactly(ended == BatchStatus.UNKNOWN ? "FAILED" : ended.name(), "COMPLETED");
        assertThat(schema.jdbc().queryForObject("select count(*) from batch_job_instance", Long.class)).isOne();
        assertThat(schema.jdbc().queryForObject("select count(*) from source_file where state = 'DONE'", Long.class)).isOne();
        assertThat(schema.jdbc().queryForObject("select count(*) from protocol where status <> 'REJECTED'", Long.class)).isOne();
    }

    private JobRepository repository() throws Exception {
        JobRepositoryFactoryBean factory = new JobRepositoryFactoryBean();
        factory.setDataSource(schema.dataSource());
        factory.setTransactionManager(new JdbcTransactionManager(schema.dataSource()));
        factory.afterPropertiesSet();
        return factory.getObject();
    }
}
