package kz.hattama.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Stored protocols read back one at a time (by id, export id or file) with their fields, checks and flags. */
@Repository
public class ProtocolStore {

    private final ProtocolRows rows;
    /** Reads that span several queries see one state of the database, even while a job is writing. */
    private final TransactionTemplate snapshot;

    public ProtocolStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.rows = new ProtocolRows(jdbc);
        this.snapshot = ProtocolRows.snapshot(transactionManager);
    }

    /** One protocol with its fields, checks, flags and review, as an export reads it. */
    public Optional<StoredProtocol> protocol(long id) {
        return snapshot.execute(status -> rows.where("where p.id = ?", id).stream().findFirst());
    }

    /** The protocol with this export id, with its fields, checks and flags. */
    public Optional<StoredProtocol> protocol(String uid) {
        return rows.where("where p.uid = ?", uid).stream().findFirst();
    }

    /** What a stored file became, page by page. */
    public List<StoredProtocol> protocolsOf(long sourceId) {
        return snapshot.execute(status -> rows.where("where p.source_id = ? order by p.page_no", sourceId));
    }

    /**
     * Runs {@code reads} in one read-only repeatable-read transaction, so that several reads (of this store, of the
     * precinct list, of the review history) see one state of the database while a job or a reviewer writes.
     */
    public <T> T readConsistently(Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }
}
