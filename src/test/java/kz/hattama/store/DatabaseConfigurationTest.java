package kz.hattama.store;

import com.zaxxer.hikari.HikariDataSource;
import kz.hattama.config.HattamaProperties;
import kz.hattama.protocol.PageOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static kz.hattama.store.Protocols.bytes;
import static kz.hattama.store.Protocols.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/** The application's database wiring: Flyway and Spring Batch on the configured or the embedded PostgreSQL. */
class DatabaseConfigurationTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    BatchAutoConfiguration.class))
            .withUserConfiguration(DatabaseConfiguration.class, IntakeStore.class, OutcomeStore.class,
                    JobSummaries.class)
            // application.properties, as the application reads it
            .withInitializer(new ConfigDataApplicationContextInitializer());

    @Test
    void anExternalDatabaseGetsTheProtocolAndBatchTables() {
        try (TestDatabase.Schema schema = TestDatabase.emptySchema()) {
            app.withPropertyValues("hattama.db.url=" + schema.url(), "hattama.db.user=" + schema.user(),
                            "hattama.db.password=" + (schema.password() == null ? "" : schema.password()),
                            "spring.flyway.schemas=" + schema.name())
                    .run(context -> {
                        assertThat(context).hasNotFailed().doesNotHaveBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class);
                        JobExecution run = context.getBean(JobRepository.class).createJobExecution("intake", new JobParameters());
                        byte[] b = bytes("scan");
                        long id = context.getBean(IntakeStore.class).addSource(run.getJobId(), 0, "a.jpg", b, sha256(b), null);
                        assertThat(context.getBean(OutcomeStore.class).nextPending(run.getJobId(), 0, 1, 0))
                                .map(OutcomeStore.PendingSource::id).contains(id);
                        assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                                "select count(*) from batch_job_instance", Long.class)).isOne();
                    });
        }
    }

    @Test
    void thePoolFollowsTheWorkerCountUnlessASizeIsSet() {
        assertThat(DatabaseConfiguration.poolSize(2, 0)).as("never fewer than before").isEqualTo(10);
        assertThat(DatabaseConfiguration.poolSize(16, 0)).as("a connection per worker and room besides").isEqualTo(24);
        assertThat(DatabaseConfiguration.poolSize(16, 7)).as("HATTAMA_DB_POOL_SIZE").isEqualTo(7);
        try (TestDatabase.Schema schema = TestDatabase.emptySchema()) {
            ApplicationContextRunner external = app.withUserConfiguration(Settings.class)
                    .withPropertyValues("hattama.db.url=" + schema.url(), "hattama.db.user=" + schema.user(),
                            "hattama.db.password=" + (schema.password() == null ? "" : schema.password()),
                            "spring.flyway.schemas=" + schema.name());
            external.withPropertyValues("hattama.workers=20").run(context -> {
                HikariDataSource pool = context.getBean(HikariDataSource.class);
                assertThat(pool.getMaximumPoolSize()).isEqualTo(28);
                assertThat(pool.getConnectionTimeout()).as("HATTAMA_DB_OUTAGE_WAIT default").isEqualTo(120_000);
            });
            external.withPropertyValues("hattama.workers=20", "hattama.db.pool-size=12", "hattama.db.outage-wait=30")
                    .run(context -> {
                        HikariDataSource pool = context.getBean(HikariDataSource.class);
                        assertThat(pool.getMaximumPoolSize()).isEqualTo(12);
                        assertThat(pool.getConnectionTimeout()).as("seconds without a unit").isEqualTo(30_000);
                    });
        }
    }

    @EnableConfigurationProperties(HattamaProperties.class)
    static class Settings {
    }

    /**
     * A run killed with SIGKILL leaves its postmaster running on the data directory; the next run must stop it,
     * start its own server on the same data, and keep everything committed before the kill.
     */
    @Test
    void theEmbeddedDatabaseOutlivesAKilledRun(@TempDir Path dataDir) throws Exception {
        Path pg = dataDir.resolve("pg");
        long stalePid = killAfterItStartedItsServer(pg);
        try {
            assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive)).as("postmaster outlived its JVM").contains(true);

            // An empty URL overrides a HATTAMA_DB_URL of the environment the tests run in.
            ApplicationContextRunner embedded = app.withSystemProperties("HATTAMA_DATA_DIR=" + dataDir)
                    .withPropertyValues("hattama.db.url=");
            embedded.run(context -> {
                assertThat(context).hasNotFailed();
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select v from canary.row", String.class)).isEqualTo("committed before the kill");
                assertThat(jdbc.queryForList("select current_setting(name) from unnest(array['fsync', 'synchronous_commit']) name",
                        String.class)).containsExactly("on", "on");
                assertThat(postmasterPid(pg)).isNotEqualTo(stalePid);
                byte[] b = bytes("scan");
                long id = context.getBean(IntakeStore.class).addSource(1, 0, "a.jpg", b, sha256(b), null);
                context.getBean(OutcomeStore.class).saveOutcome(id, List.of(PageOutcome.read(1, Protocols.verified())));
            });
            assertThat(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(pg.resolve("postmaster.pid")).as("context close stops the server").doesNotExist();

            embedded.run(context ->
                    assertThat(context.getBean(JobSummaries.class).summarize(1).protocols()).isOne());
        } finally {
            ProcessHandle.of(stalePid).ifPresent(ProcessHandle::destroy);
        }
    }

    /** @return the pid of the postmaster the killed JVM left behind */
    private static long killAfterItStartedItsServer(Path pg) throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                KilledServerOwner.class.getName(), pg.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("READY"));
            assertThat(line).as("the child JVM started its server").isEqualTo("READY");
        } finally {
            owner.destroyForcibly();
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return postmasterPid(pg);
    }

    private static long postmasterPid(Path pg) throws java.io.IOException {
        return Long.parseLong(Files.readAllLines(pg.resolve("postmaster.pid")).get(0).trim());
    }
}
