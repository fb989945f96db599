package kz.hattama.batch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import kz.hattama.HattamaApplication;
import kz.hattama.SystemProperties;
import kz.hattama.store.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped for ten seconds while digitizeJob reads, then started again on the same port and data: the job
 * waits for it and ends COMPLETED, every file stored once and read once. Before, the chunk in hand failed on the
 * dropped connection, its rollback failed too, the step was left UNKNOWN and running the command again was refused.
 */
class DatabaseStoppedDuringJobTest {

    private static final String[] FILES = {"p2021-000.png", "p2021-001.jpg", "p2021-002.jpg", "p2021-009.pdf", "p2021-014.png"};
    /** The database is stopped once this many files are read: the next one is being read, the rest wait. */
    private static final int READ_BEFORE_THE_OUTAGE = 2;
    private static final long OUTAGE_MILLIS = 10_000;

    private final SystemProperties properties = new SystemProperties();
    private EmbeddedPostgres server;

    @AfterEach
    void stop() throws Exception {
        properties.restore();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDatabaseStoppedAndStartedDuringTheJobIsWaitedForAndTheJobCompletes(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("pg");
        server = LocalPostgres.start(data, 0);
        int port = server.getPort();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        Path in = DigitizeJobFunctionalTest.copy(tmp.resolve("in"), FILES);
        properties.set("hattama.db.url", url);
        properties.set("hattama.db.user", "postgres");
        properties.set("hattama.db.password", "");
        properties.set("hattama.workers", "1");

        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> HattamaApplication.run("digitize", in.toString()));
        long deadline = System.currentTimeMillis() + 300_000;
        while (count(url, "select count(*) from protocol") < READ_BEFORE_THE_OUTAGE && !job.isDone()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(job).as("the job was still reading when the database stopped").isNotDone();

        server.close();
        server = null;
        Thread.sleep(OUTAGE_MILLIS);
        assertThat(job).as("the job waits for the database").isNotDone();
        server = LocalPostgres.start(data, port);

        assertThat(job.get(10, TimeUnit.MINUTES)).isZero();
        assertThat(list(url, "select status from batch_job_execution order by job_execution_id")).last().isEqualTo("COMPLETED");
        assertThat(count(url, "select count(*) from batch_job_instance")).isOne();
        assertThat(count(url, "select count(*) from batch_step_execution where status <> 'COMPLETED' and job_execution_id ="
                + " (select max(job_execution_id) from batch_job_execution)")).isZero();
        // Every file stored once and read once: one row each, none left pending, one record each, none a duplicate.
        assertThat(list(url, "select name from source_file order by name")).containsExactly(FILES);
        assertThat(count(url, "select count(*) from source_file where state <> 'DONE'")).isZero();
        assertThat(list(url, "select s.name || ':' || p.status from protocol p join source_file s on s.id = p.source_id"))
                .hasSize(FILES.length).noneMatch(r -> r.endsWith(":REJECTED"));
    }

    private static long count(String url, String sql) {
        List<String> rows = list(url, sql);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0));
    }

    /** A connection of its own for each look: the test's own connections must not ride out the outage. */
    private static List<String> list(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, "postgres", null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException notYetMigrated) {
            return List.of();
        }
    }
}
