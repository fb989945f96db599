package kz.hattama.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link DatabaseConfigurationTest}: starts the persistent server, writes a row, says
 * READY and waits to be killed with SIGKILL, leaving its postmaster behind as a crashed CLI run does.
 */
public final class KilledServerOwner {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres pg = LocalPostgres.start(Path.of(args[0]), 0);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("create schema canary");
            st.execute("create table canary.row (v text)");
            st.execute("insert into canary.row values ('committed before the kill')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
