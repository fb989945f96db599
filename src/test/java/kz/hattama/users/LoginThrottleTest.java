package kz.hattama.users;

import kz.hattama.config.WebProperties;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed logins lock an account after 5 and an address after 20, for 15 minutes after the last failure. */
class LoginThrottleTest {

    private static TestDatabase.Schema schema;
    private static JdbcTemplate jdbc;
    private static LoginThrottle throttle;

    @BeforeAll
    static void migrate() {
        schema = TestDatabase.migratedSchema();
        jdbc = schema.jdbc();
        throttle = new LoginThrottle(jdbc, new WebProperties(8080, 100, null, "admin", null, 0, 0, 5, 20, 15));
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from login_failure");
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void fiveFailuresLockTheAccountFromEveryAddressUntilFifteenMinutesAfterTheLast() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("kim", "10.0.0." + i);
        }
        assertThat(throttle.lockedFor("kim", "10.0.0.9")).isEmpty();

        throttle.failed("kim", "10.0.0.4");

        assertThat(throttle.lockedFor("kim", "10.0.0.9")).hasValueSatisfying(d ->
                assertThat(d).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
        assertThat(throttle.lockedFor("lee", "10.0.0.9")).isEmpty();
        // The window passes.
        jdbc.update("update login_failure set at = at - interval '16 minutes'");
        assertThat(throttle.lockedFor("kim", "10.0.0.9")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockEveryAccountFromThereOnly() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }

        assertThat(throttle.lockedFor("someone-else", "203.0.113.7")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "198.51.100.1")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsEarlierMistakes() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        throttle.succeeded("ana");
        throttle.failed("ana", "10.0.0.1");

        assertThat(throttle.lockedFor("ana", "10.0.0.2")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from login_failure", Long.class)).isOne();
    }
}
