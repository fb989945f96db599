package kz.hattama.users;

import kz.hattama.config.WebProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.Optional;

/**
 * Refuses logins after too many failures, per account (someone guessing one person's password) and per network
 * address (someone trying many accounts): {@code HATTAMA_LOGIN_FAILURES_PER_ACCOUNT} or
 * {@code HATTAMA_LOGIN_FAILURES_PER_ADDRESS} failures within {@code HATTAMA_LOGIN_LOCK_MINUTES} refuse further
 * attempts until that many minutes have passed since the last failure. Refused attempts are not counted, so the lock
 * ends on time. Counted in the database, so neither a restart nor a second server starts the count afresh.
 */
@Repository
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final int perAccount;
    private final int perAddress;
    private final int minutes;

    public LoginThrottle(JdbcTemplate jdbc, WebProperties web) {
        this.jdbc = jdbc;
        this.perAccount = web.loginFailuresPerAccount();
        this.perAddress = web.loginFailuresPerAddress();
        this.minutes = web.loginLockMinutes();
    }

    /** How long logins to {@code login} or from {@code address} stay refused; empty when they are not. */
    public Optional<Duration> lockedFor(String login, String address) {
        Double seconds = jdbc.queryForObject("""
                select extract(epoch from max(until) - now()) from (
                    select max(at) + make_interval(mins => ?) as until from login_failure
                     where login = ? and at > now() - make_interval(mins => ?) having count(*) >= ?
                    union all
                    select max(at) + make_interval(mins => ?) from login_failure
                     where address = ? and at > now() - make_interval(mins => ?) having count(*) >= ?) locks""",
                Double.class, minutes, key(login), minutes, perAccount, minutes, address, minutes, perAddress);
        return seconds == null || seconds <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) (seconds * 1000)));
    }

    public void failed(String login, String address) {
        // Rows out of every window are no use; clearing them here keeps the table as small as the attacks are.
        jdbc.update("delete from login_failure where at < now() - make_interval(mins => ?)", minutes);
        jdbc.update("insert into login_failure (login, address) values (?, ?)", key(login), address);
    }

    /** The account's owner got in: earlier mistakes no longer count toward locking them out. */
    public void succeeded(String login) {
        jdbc.update("delete from login_failure where login = ?", key(login));
    }

    private static String key(String login) {
        return login == null ? "" : login.strip();
    }
}
