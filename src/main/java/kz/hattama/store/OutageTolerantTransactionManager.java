package kz.hattama.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The transaction manager of the data and of Spring Batch's job repository, made to live through a database
 * restart. Beginning a transaction waits for the database to come back (up to {@code HATTAMA_DB_OUTAGE_WAIT}), and
 * a rollback on a connection the server dropped counts as done: PostgreSQL never commits the work of a session that
 * ended without COMMIT. A plain manager reports that rollback as failed, which Spring Batch takes for a transaction
 * in an unknown state, marks the step UNKNOWN and refuses to restart it.
 */
public class OutageTolerantTransactionManager extends JdbcTransactionManager {

    private static final Logger LOG = LoggerFactory.getLogger(OutageTolerantTransactionManager.class);

    private static final int VALID_CHECK_SECONDS = 2;

    private final Duration outageWait;

    public OutageTolerantTransactionManager(DataSource dataSource, Duration outageWait) {
        super(dataSource);
        this.outageWait = outageWait;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        // A failed begin hands its connection back and leaves the transaction object without one: safe to repeat.
        DatabaseOutage.retry(outageWait, () -> {
            try {
                super.doBegin(transaction, definition);
            } catch (CannotCreateTransactionException e) {
                if (DatabaseOutage.isOutage(e)) {
                    LOG.warn("The database is not answering; waiting for it (up to {} s)", outageWait.toSeconds());
                }
                throw e;
            }
        });
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        try {
            super.doRollback(status);
        } catch (RuntimeException e) {
            // The pool closes a connection it saw break, so the rollback's own failure may not say why.
            if (!DatabaseOutage.isOutage(e) && !connectionLost()) {
                throw e;
            }
            LOG.info("The connection was lost before the rollback; the server discarded the transaction with it");
        }
    }

    private boolean connectionLost() {
        if (!(TransactionSynchronizationManager.getResource(obtainDataSource()) instanceof ConnectionHolder holder)) {
            return false;
        }
        try {
            Connection con = holder.getConnection();
            return con.isClosed() || !con.isValid(VALID_CHECK_SECONDS);
        } catch (SQLException e) {
            return true;
        }
    }
}
