package kz.hattama.batch;

import kz.hattama.HattamaApplication;
import org.junit.jupiter.api.AfterEach;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code digitize} with a broker sends the partitions of {@code recognize} to two {@code worker} JVMs, one thread each,
 * on the local RabbitMQ and PostgreSQL. One worker is killed with SIGKILL in the middle of its partition: the other
 * reads what was left of it, every file is DONE once, and the records are those of a run without a broker.
 *
 * <p>The broker and the database server come from {@code HATTAMA_TEST_BROKER_URL} and {@code HATTAMA_TEST_DB_URL}
 * (default: this machine's, 127.0.0.1:5672 guest/guest and 127.0.0.1:5432 as postgres); each run makes a database of
 * its own there and drops it after. {@code .ci/run} installs and starts both where a machine lacks them, so under CI
 * this test fails rather than skips when one is missing.
 */
class RemoteWorkersTest {

    private static final Duration WAIT = Duration.ofMinutes(10);
    /** Two parts of three files or so: one worker each, and a part still has files to read after its first. */
    private static final int PARTITIONS = 2;
    private static final Pattern TOOK = Pattern.compile("Took partition (\\S+) \\(step execution (\\d+)\\)");

    private final List<Process> processes = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();
    private final String broker = env("HATTAMA_TEST_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672");
    private final String server = env("HATTAMA_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private final String user = env("HATTAMA_TEST_DB_USER", "postgres");
    private final String password = env("HATTAMA_TEST_DB_PASSWORD", "");

    @AfterEach
    void cleanUp() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        for (String db : databases) {
            execute("drop database if exists " + db + " with (force)");
        }
        // The queue is durable and named after the database; it goes with it.
        if (!databases.isEmpty()) {
            CachingConnectionFactory connection = new CachingConnectionFactory(URI.create(broker));
            try {
                RabbitAdmin admin = new RabbitAdmin(connection);
                databases.forEach(db -> admin.deleteQueue("hattama.recognize." + db + ".public"));
            } finally {
                connection.destroy();
            }
        }
    }

    @Test
    void aWorkerKilledMidPartitionLeavesItsPartitionToTheOtherAndEveryFileIsReadOnce(@TempDir Path tmp) throws Exception {
        requireServices();
        Path scans = Files.createDirectories(tmp.resolve("scans"));
        try (Stream<Path> files = Files.list(Path.of("sample-scans"))) {
            // The scans only: the truth file beside them is hidden, and hidden files are not read.
            for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")).toList()) {
                Files.copy(f, scans.resolve(f.getFileName()));
            }
        }
        String remoteDb = database();
        Process first = worker(tmp, remoteDb, "worker-a");
        Process second = worker(tmp, remoteDb, "worker-b");
        awaitLog(tmp.resolve("worker-a.log"), "Hattama worker:", first);
        awaitLog(tmp.resolve("worker-b.log"), "Hattama worker:", second);
        Process manager = hattama(tmp, remoteDb, "manager", true, "digitize", scans.toString());

        // The first worker's partition, killed once it stored a file and before it ended.
        Matcher took = awaitLog(tmp.resolve("worker-a.log"), TOOK.pattern(), first);
        long killed = Long.parseLong(took.group(2));
        JdbcTemplate remote = jdbc(remoteDb);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (remote.queryForObject("select write_count from batch_step_execution where step_execution_id = ?",
                Long.class, killed) < 1) {
            assertThat(System.nanoTime()).as("worker a stored a file").isLessThan(deadline);
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor();
        assertThat(remote.queryForObject("select status from batch_step_execution where step_execution_id = ?",
                String.class, killed)).as("the partition was cut off in the middle").isEqualTo("STARTED");

        assertThat(manager.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("digitize ended").isTrue();
        assertThat(manager.exitValue()).as(Files.readString(tmp.resolve("manager.log"))).isZero();
        assertThat(Files.readString(tmp.resolve("worker-b.log")))
                .as("the other worker took the killed partition's request when the broker handed it back")
                .contains("Took partition " + took.group(1) + " (step execution " + killed + ")");
        assertThat(remote.queryForList("select status from batch_step_execution where step_name like 'recognizePartition:%'",
                String.class)).hasSize(PARTITIONS).containsOnly("COMPLETED");
        assertThat(remote.queryForObject("select count(*) from source_file where state <> 'DONE'", Long.class)).isZero();
        Long files = remote.queryForObject("select count(*) from source_file", Long.class);
        assertThat(files).isEqualTo(Files.list(scans).count());

        // The same folder read in-process, without a broker, into a database of its own.
        String localDb = database();
        Process local = hattama(tmp, localDb, "local", false, "digitize", scans.toString());
        assertThat(local.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("local digitize ended").isTrue();
        assertThat(local.exitValue()).isZero();
        assertThat(records(tmp, remoteDb, "remote")).isEqualTo(records(tmp, localDb, "local"))
                .hasSizeGreaterThanOrEqualTo(files.intValue());
    }

    /** Every protocol the run stored, as {@code export} writes it, one line each in id order. */
    private List<String> records(Path tmp, String db, String name) throws Exception {
        Path out = tmp.resolve(name + ".jsonl");
        Process export = hattama(tmp, db, name + "-export", false, "export", "--out", out.toString());
        assertThat(export.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(export.exitValue()).as(Files.readString(tmp.resolve(name + "-export.log"))).isZero();
        return Files.readAllLines(out).stream().sorted().toList();
    }

    private void requireServices() {
        URI amqp = URI.create(broker);
        URI pg = URI.create(server.substring("jdbc:".length()));
        boolean up = reachable(amqp.getHost(), amqp.getPort() < 0 ? 5672 : amqp.getPort())
                && reachable(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort());
        String missing = "needs RabbitMQ at " + amqp.getHost() + ":" + amqp.getPort() + " and PostgreSQL at " + pg.getHost()
                + ":" + pg.getPort() + " (HATTAMA_TEST_BROKER_URL, HATTAMA_TEST_DB_URL; .ci/run starts Debian's "
                + "rabbitmq-server and postgresql)";
        if ("true".equals(System.getenv("CI"))) {
            assertThat(up).as(missing).isTrue();
        }
        assumeTrue(up, missing);
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String database() {
        String name = "hattama_workers_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create database " + name);
        databases.add(name);
        return name;
    }

    /** The server's URL with another database in place of its own. */
    private String url(String db) {
        int slash = server.indexOf('/', "jdbc:postgresql://".length());
        int query = server.indexOf('?', slash);
        return server.substring(0, slash + 1) + db + (query < 0 ? "" : server.substring(query));
    }

    private JdbcTemplate jdbc(String db) {
        return new JdbcTemplate(new DriverManagerDataSource(url(db), user, password));
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Process worker(Path tmp, String db, String name) throws IOException {
        return hattama(tmp, db, name, true, "worker");
    }

    private Process hattama(Path tmp, String db, String name, boolean withBroker, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Dhattama.db.url=" + url(db), "-Dhattama.db.user=" + user, "-Dhattama.db.password=" + password,
                "-Dhattama.workers=1", "-Dhattama.broker.partitions=" + PARTITIONS,
                "-Dhattama.data-dir=" + tmp.resolve("data-" + name),
                "-Dhattama.broker.url=" + (withBroker ? broker : "")));
        command.add(HattamaApplication.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        // The test's own settings are passed above; a HATTAMA_* of the environment must not override them.
        pb.environment().keySet().removeIf(k -> k.startsWith("HATTAMA_"));
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static Matcher awaitLog(Path log, String regex, Process process) throws Exception {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log));
                if (m.find()) {
                    return m;
                }
            }
            if (!process.isAlive()) {
                fail(log.getFileName() + " ended (" + process.exitValue() + ") before '" + regex + "':\n"
                        + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + regex + "' in " + log.getFileName() + " within " + WAIT);
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
