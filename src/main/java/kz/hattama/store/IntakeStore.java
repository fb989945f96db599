package kz.hattama.store;

import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * The intake's record of the uploaded files: each file once, its content stored once under its SHA-256, a later copy
 * of the same content a rejected duplicate of the first. Every write is one transaction and safe to repeat, because a
 * restarted Spring Batch step replays the chunk that was in flight when the previous run died.
 */
@Repository
public class IntakeStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutcomeStore outcomes;

    public IntakeStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, OutcomeStore outcomes) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.outcomes = outcomes;
    }

    /**
     * Records a file of a job's intake. Repeating the call for the same (jobInstanceId, seq) returns the id it got
     * the first time. A file whose content was uploaded before (by any job) is stored as a rejected duplicate of the
     * earliest upload and is never queued for reading, unless every earlier copy ended in INTERNAL_ERROR (or is a
     * duplicate of one): that was our fault, not the file's, so the copy sent again is queued and read as a file of
     * its own upload, while the failed copy keeps its record.
     */
    public long addSource(long jobInstanceId, int seq, String name, byte[] bytes, String sha256, String mediaType) {
        requireSha256Of(bytes, sha256);
        return add(jobInstanceId, seq, name, bytes.length, sha256, bytes, mediaType, null);
    }

    /**
     * Records a file whose content is not kept (too large, unreadable, a refused zip) together with why it is rejected.
     * It has no content hash: {@code identity} (never a SHA-256 of content, so it cannot collide with one) tells the
     * same file sent again apart, which is then a duplicate like any other.
     */
    public long addRejectedSource(long jobInstanceId, int seq, String name, long size, String identity, String mediaType,
                                  Rejection rejection) {
        return add(jobInstanceId, seq, name, size, identity, null, mediaType, rejection);
    }

    private long add(long jobInstanceId, int seq, String name, long size, String identity, byte[] bytes, String mediaType,
                     Rejection rejection) {
        return tx.execute(status -> {
            // Serialises uploads of the same content, so two concurrent copies cannot both pass as originals.
            jdbc.query("select pg_advisory_xact_lock(hashtextextended(current_schema() || ?, 0))", rs -> { }, identity);
            Optional<Long> existing = existingSource(jobInstanceId, seq, identity);
            if (existing.isPresent()) {
                return existing.get();
            }
            if (bytes != null) {
                jdbc.update("insert into scan_blob (sha256, bytes) values (?, ?) on conflict do nothing", identity, bytes);
            }
            Map<String, Object> originalRow = jdbc.queryForList(ORIGINAL, identity).stream().findFirst().orElse(null);
            Long original = originalRow == null ? null : (Long) originalRow.get("id");
            long id = jdbc.queryForObject("""
                    insert into source_file (job_instance_id, seq, name, identity, sha256, size_bytes, media_type, state, duplicate_of)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                    jobInstanceId, seq, name, identity, bytes == null ? null : identity, size, mediaType,
                    original == null && rejection == null ? OutcomeStore.PENDING : OutcomeStore.DONE, original);
            if (original != null) {
                // Each later copy gets its own id: page 0 of the content may already be the original's rejection.
                String uid = OutcomeStore.uid(identity, "dup" + outcomes.copiesBefore(identity, id));
                outcomes.insertRejected(id, uid, 0, Rejection.of(RejectionCode.DUPLICATE, originalRow.get("name")));
            } else if (rejection != null) {
                outcomes.insertRejected(id, OutcomeStore.uid(identity, "0"), 0, rejection);
            }
            return id;
        });
    }

    /**
     * The copy of a content that later copies are duplicates of: the earliest that is no duplicate itself and did not
     * end in INTERNAL_ERROR. One still waiting to be read counts: it has not failed.
     */
    private static final String ORIGINAL = """
            select s.id, s.name from source_file s
             where s.identity = ? and s.duplicate_of is null
               and not exists (select 1 from protocol p where p.source_id = s.id and p.rejection_code = 'INTERNAL_ERROR')
             order by s.id limit 1""";

    private Optional<Long> existingSource(long jobInstanceId, int seq, String identity) {
        return jdbc.query("select id, identity from source_file where job_instance_id = ? and seq = ?", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            if (!rs.getString("identity").equals(identity)) {
                throw new IllegalStateException("job " + jobInstanceId + " file #" + seq
                        + " was recorded with other content; the intake must enumerate its input in a stable order");
            }
            return Optional.of(rs.getLong("id"));
        }, jobInstanceId, seq);
    }

    private static void requireSha256Of(byte[] bytes, String sha256) {
        String actual = Hashes.sha256(bytes);
        // The scan is stored under this key for good: a wrong one would hand other content to every later reader.
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("sha256 " + sha256 + " is not the hash of the given bytes (" + actual + ")");
        }
    }
}
