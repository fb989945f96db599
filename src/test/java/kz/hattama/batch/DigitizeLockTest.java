package kz.hattama.batch;

import com.zaxxer.hikari.HikariDataSource;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock that lets one digitize run at a time. The web app starts many runs in one JVM through a connection pool,
 * so a run's end must free the lock for every connection of the pool, not only for the one it came back on.
 */
class DigitizeLockTest {

    private TestDatabase.Schema schema;
    private TestDatabase.Schema other;

    @BeforeEach
    void schemas() {
        schema = TestDatabase.emptySchema();
        other = TestDatabase.emptySchema();
    }

    @AfterEach
    void drop() {
        schema.close();
        other.close();
    }

    @Test
    void aReleasedLockIsFreeForEveryConnectionOfThePool() throws Exception {
        HikariDataSource pool = schema.dataSource();
        Connection first = pool.getConnection();
        assertThat(DigitizeLauncher.tryLock(first)).isTrue();
        assertThat(holders()).isOne();
        DigitizeLauncher.release(first);
        // Closing alone would hand the session back to the pool with the lock still on it.
        assertThat(holders()).isZero();

        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            // One of the two is the session the first run used; either may take the lock, but not both at once.
            assertThat(DigitizeLauncher.tryLock(a)).isTrue();
            assertThat(DigitizeLauncher.tryLock(b)).isFalse();
            try (Connection c = pool.getConnection()) {
                assertThat(DigitizeLauncher.tryLock(c)).isFalse();
                DigitizeLauncher.release(a);
            }
            assertThat(DigitizeLauncher.tryLock(b)).isTrue();
            DigitizeLauncher.release(b);
        }
    }

    /** Sessions holding this schema's digitize lock, whatever connection asks. */
    private long holders() {
        return schema.jdbc().queryForObject("""
                select count(*) from pg_locks
                 where locktype = 'advisory' and granted
                   and ((classid::bigint << 32) | objid::bigint) = hashtextextended('hattama-digitize:' || current_schema(), 0)
                """, Long.class);
    }

    @Test
    void aRunInOneSchemaDoesNotHoldUpAnotherSchemaOnTheSameServer() throws Exception {
        try (Connection here = schema.dataSource().getConnection();
             Connection there = other.dataSource().getConnection()) {
            assertThat(DigitizeLauncher.tryLock(here)).isTrue();
            assertThat(DigitizeLauncher.tryLock(there)).isTrue();
            DigitizeLauncher.release(here);
            DigitizeLauncher.release(there);
        }
    }
}
