package kz.hattama.store;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tells a database that is away (stopped, restarting, unreachable) from a statement that is wrong, and waits for it
 * to come back. A dropped connection reaches us in many shapes, most of them not "transient" by Spring's
 * classification: {@code CannotGetJdbcConnectionException}, {@code DataAccessResourceFailureException}, a
 * {@code TransactionSystemException} around a PSQLException of class 08 (connection exception) or 57P (the server
 * shutting down or starting up), Hikari's {@code SQLTransientConnectionException} when the pool gave up waiting.
 * So the whole cause chain is looked at, SQL states first.
 */
public final class DatabaseOutage {

    private static final long FIRST_PAUSE_MS = 200;
    private static final long LONGEST_PAUSE_MS = 5_000;

    private DatabaseOutage() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql instanceof SQLTransientConnectionException || sql instanceof SQLRecoverableException) {
                    return true;
                }
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException) {
                // Resource failures also cover a full disk (SQL state 53100); only the connection kind is waited out.
                if (!(t.getCause() instanceof SQLException sql && sql.getSQLState() != null)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs {@code work}, again while it fails for an outage, pausing longer each time (0.2 s up to 5 s), until
     * {@code wait} has passed; then the last failure is thrown. Anything else is thrown at once.
     */
    public static <T> T retry(Duration wait, Supplier<T> work) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MS;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isOutage(e) || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
            }
            pause(pause);
            pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
        }
    }

    public static void retry(Duration wait, Runnable work) {
        retry(wait, () -> {
            work.run();
            return null;
        });
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database to come back", e);
        }
    }
}
