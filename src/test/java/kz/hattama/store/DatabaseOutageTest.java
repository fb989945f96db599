package kz.hattama.store;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures mean "the database is away" (waited for) and which are wrong statements (not). */
class DatabaseOutageTest {

    @Test
    void aDroppedConnectionIsAnOutageInWhateverShapeItArrives() {
        SQLException shutDown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("select", shutDown))).isTrue();
        assertThat(DatabaseOutage.isOutage(new TransactionSystemException("JDBC rollback failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("begin",
                new SQLTransientConnectionException("hattama - Connection is not available, request timed out")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("pool", new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseOutage.isOutage(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aWrongStatementOrAFullDiskIsNot() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("disk", new SQLException("disk full", "53100")))).isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void retryWaitsOutAnOutageButNotAWrongStatement() {
        AtomicInteger tries = new AtomicInteger();
        assertThat(DatabaseOutage.retry(Duration.ofSeconds(30), () -> {
            if (tries.incrementAndGet() < 3) {
                throw new DataAccessResourceFailureException("away", new SQLException("refused", "08001"));
            }
            return "back";
        })).isEqualTo("back");
        assertThat(tries).hasValue(3);

        AtomicInteger once = new AtomicInteger();
        assertThatThrownBy(() -> DatabaseOutage.retry(Duration.ofSeconds(30), () -> {
            once.incrementAndGet();
            throw new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"));
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(once).hasValue(1);
    }
}
