package kz.hattama.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL the tests run on: HATTAMA_TEST_DB_URL (with HATTAMA_TEST_DB_USER, HATTAMA_TEST_DB_PASSWORD) when
 * set, otherwise one embedded server per test JVM. Every test works in a schema of its own, so runs against a
 * shared server do not see each other's rows.
 */
public final class TestDatabase {

    public record Server(String url, String user, String password) {

        public String url(String schema) {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
    }

    private static Server server;

    /** Every store of the protocol tables, for tests that write what a job writes and read it back. */
    public record Stores(IntakeStore intake, OutcomeStore outcomes, ScanStore scans, ProtocolStore protocols,
                         ProtocolPages pages, JobSummaries jobs) {
    }

    private TestDatabase() {
    }

    public static synchronized Server server() {
        if (server == null) {
            String url = System.getenv("HATTAMA_TEST_DB_URL");
            server = url != null && !url.isBlank()
                    ? new Server(url, System.getenv("HATTAMA_TEST_DB_USER"), System.getenv("HATTAMA_TEST_DB_PASSWORD"))
                    : startEmbedded();
        }
        return server;
    }

    private static Server startEmbedded() {
        try {
            // zonky's own shutdown hook stops it and deletes its temporary data directory when the JVM ends.
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new Server("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL for tests", e);
        }
    }

    /** A new schema with the application's migrations applied. */
    public static Schema migratedSchema() {
        Schema schema = emptySchema();
        Flyway.configure().dataSource(schema.url(), schema.user(), schema.password())
                .schemas(schema.name()).load().migrate();
        return schema;
    }

    /** A new, empty schema, for tests that let the application migrate it. */
    public static Schema emptySchema() {
        Server s = server();
        String name = "hattama_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(s, "create schema " + name);
        return new Schema(s, name);
    }

    private static void execute(Server s, String sql) {
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password()); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static final class Schema implements AutoCloseable {
        private final Server server;
        private final String name;
        private HikariDataSource pool;

        private Schema(Server server, String name) {
            this.server = server;
            this.name = name;
        }

        public String name() {
            return name;
        }

        public String url() {
            return server.url(name);
        }

        public String user() {
            return server.user();
        }

        public String password() {
            return server.password();
        }

        public synchronized HikariDataSource dataSource() {
            if (pool == null) {
                pool = new HikariDataSource();
                pool.setJdbcUrl(url());
                pool.setUsername(user());
                pool.setPassword(password());
                pool.setMaximumPoolSize(4);
            }
            return pool;
        }

        public JdbcTemplate jdbc() {
            return new JdbcTemplate(dataSource());
        }

        /** The stores over this schema, wired as the application wires them. */
        public Stores stores() {
            return stores(new ProtocolPages(jdbc(), new DataSourceTransactionManager(dataSource())));
        }

        /** The same, exports reading {@code exportPage} protocols a query. */
        Stores stores(int exportPage) {
            return stores(new ProtocolPages(jdbc(), new DataSourceTransactionManager(dataSource()), exportPage));
        }

        private Stores stores(ProtocolPages pages) {
            JdbcTemplate jdbc = jdbc();
            DataSourceTransactionManager tx = new DataSourceTransactionManager(dataSource());
            OutcomeStore outcomes = new OutcomeStore(jdbc, tx);
            return new Stores(new IntakeStore(jdbc, tx, outcomes), outcomes, new ScanStore(jdbc),
                    new ProtocolStore(jdbc, tx), pages, new JobSummaries(jdbc, tx));
        }

        /**
         * Empties the protocol tables (fields, checks, flags and page images go with their protocol), for the next
         * test of a class sharing the schema. DELETE, not TRUNCATE: the review history refuses TRUNCATE, and a
         * TRUNCATE of the protocols reaches it through its foreign keys.
         */
        public void truncate() {
            jdbc().execute("delete from side_page; update upload_batch set attach_to = null; delete from protocol; delete from source_file; delete from scan_blob");
        }

        @Override
        public synchronized void close() {
            if (pool != null) {
                pool.close();
            }
            execute(server, "drop schema " + name + " cascade");
        }
    }
}
