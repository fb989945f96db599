package kz.hattama.store;

import kz.hattama.protocol.Box;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reading queue and what each file became: the recognize step takes the sources still to be read and stores the
 * outcome of each, page by page, in one transaction that is safe to repeat (a restarted step replays its chunk).
 */
@Repository
public class OutcomeStore {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public OutcomeStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    public record PendingSource(long id, String name, String sha256, String mediaType, byte[] bytes) {
    }

    /**
     * The next source of the job still to be read by partition {@code partition} of {@code gridSize}, after
     * {@code afterId}: partitions split the pending sources by id, so they never read the same one.
     */
    public Optional<PendingSource> nextPending(long jobInstanceId, int partition, int gridSize, long afterId) {
        if (gridSize < 1 || partition < 0 || partition >= gridSize) {
            throw new IllegalArgumentException("partition " + partition + " of " + gridSize);
        }
        return jdbc.query("""
                select s.id, s.name, s.sha256, s.media_type, b.bytes
                  from source_file s join scan_blob b on b.sha256 = s.sha256
                 where s.job_instance_id = ? and s.state = ? and s.id % ? = ? and s.id > ?
                 order by s.id limit 1""",
                rs -> rs.next()
                        ? Optional.of(new PendingSource(rs.getLong("id"), rs.getString("name"), rs.getString("sha256"),
                        rs.getString("media_type"), rs.getBytes("bytes")))
                        : Optional.<PendingSource>empty(),
                jobInstanceId, PENDING, gridSize, partition, afterId);
    }

    /** A file that yields no protocol before any page is read (unsupported type, empty, damaged …). */
    public void rejectSource(long sourceId, Rejection rejection) {
        saveOutcome(sourceId, List.of(PageOutcome.rejected(0, rejection)));
    }

    /**
     * Stores what the pages of a source became and marks it done, in one transaction. A source already done is left
     * as it is, so a replayed chunk does not store its protocols twice.
     */
    public void saveOutcome(long sourceId, List<PageOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("source " + sourceId + " has no page outcome; reject it instead, "
                    + "so that the file is exported with a reason");
        }
        tx.executeWithoutResult(status -> {
            Map<String, Object> source = jdbc.queryForMap(
                    "select identity, state from source_file where id = ? for update", sourceId);
            if (DONE.equals(source.get("state"))) {
                return;
            }
            String identity = (String) source.get("identity");
            for (PageOutcome outcome : outcomes) {
                String uid = uid(identity, Integer.toString(outcome.pageNo()));
                long copies = outcome.pageNo() == 0 ? copiesBefore(identity, sourceId) : 0;
                if (copies > 0) {
                    // A copy read again after an earlier one failed on our side: that one's whole-file rejection holds
                    // page 0's id, and this copy's own whole-file outcome must not take it from it.
                    uid = uid(identity, "resent" + copies);
                }
                if (outcome.isRejected()) {
                    insertRejected(sourceId, uid, outcome.pageNo(), outcome.rejection());
                } else if (outcome.isSide()) {
                    // Joined with its other side by the join step, which sees every file of the upload.
                    jdbc.update("""
                            insert into side_page (source_id, page_no, side, reading, jpeg, page_turn)
                            values (?, ?, ?, ?::jsonb, ?, ?)""", sourceId, outcome.pageNo(),
                            outcome.side().sides().get(0), SideReadings.write(outcome.side()), outcome.pageImage(),
                            outcome.turn().name());
                } else {
                    long protocolId = insertProtocol(sourceId, uid, outcome.pageNo(), outcome.protocol(), outcome.turn());
                    if (outcome.pageImage() != null) {
                        jdbc.update("insert into page_image (protocol_id, jpeg) values (?, ?)", protocolId, outcome.pageImage());
                    }
                }
            }
            jdbc.update("update source_file set state = ? where id = ?", DONE, sourceId);
        });
    }

    /** Stable across exports and databases: the content's hash (or a rejected file's identity), not a row id. */
    static String uid(String identity, String page) {
        return identity.substring(0, 16) + "-" + page;
    }

    void insertRejected(long sourceId, String uid, int pageNo, Rejection rejection) {
        jdbc.update("""
                insert into protocol (uid, source_id, page_no, status, rejection_code, rejection_message)
                values (?, ?, ?, ?, ?, ?)""",
                uid, sourceId, pageNo, ProtocolStatus.REJECTED.name(), rejection.code().name(), rejection.message());
    }

    long insertProtocol(long sourceId, String uid, int pageNo, ProtocolResult p, PageTurn turn) {
        return insertProtocol(sourceId, uid, pageNo, p, turn, Map.of(), 0);
    }

    /**
     * @param pageOf        the page (ordinal) each field's box is on, where the protocol was read from several
     * @param signaturePage the page the signatures are on
     */
    long insertProtocol(long sourceId, String uid, int pageNo, ProtocolResult p, PageTurn turn, Map<String, Integer> pageOf,
                        int signaturePage) {
        long id = jdbc.queryForObject("""
                insert into protocol (uid, source_id, page_no, form, lang, precinct, address, status, page_turn,
                                      precinct_status, precinct_confidence, precinct_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""", Long.class,
                uid, sourceId, pageNo, p.form(), p.lang(), p.precinct(), p.address(), p.status().name(), turn.name(),
                p.precinctStatus() == null ? null : p.precinctStatus().name(), p.precinctConfidence(),
                ReasonsColumn.write(p.precinctReasons()));
        insertReadings(id, p, pageOf);
        saveSignatureBox(id, p, signaturePage);
        return id;
    }

    void saveSignatureBox(long id, ProtocolResult p, int page) {
        Box b = p.signatureBox();
        jdbc.update("update protocol set signature_box = ?::jsonb where id = ?",
                b == null ? null : "{\"x\": %d, \"y\": %d, \"width\": %d, \"height\": %d, \"page\": %d}"
                        .formatted(b.x(), b.y(), b.width(), b.height(), page), id);
    }

    /** The fields, checks and flags of a protocol (whose earlier ones, if any, are gone). */
    void insertReadings(long id, ProtocolResult p, Map<String, Integer> pageOf) {
        List<Object[]> fields = new ArrayList<>();
        for (FieldResult f : p.fields().values()) {
            Box b = f.box();
            fields.add(new Object[]{id, f.key(), fields.size(), f.value(), f.digits(), f.words(), f.digitsText(),
                    f.wordsText(), f.confidence(), f.status().name(), ReasonsColumn.write(f.reasons()),
                    b == null ? null : b.x(), b == null ? null : b.y(), b == null ? null : b.width(), b == null ? null : b.height(),
                    pageOf.getOrDefault(f.key(), 0)});
        }
        jdbc.batchUpdate("""
                insert into protocol_field (protocol_id, key, ordinal, value, digits, words, digits_text, words_text,
                                            confidence, status, reason, box_x, box_y, box_w, box_h, page)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""", fields);
        List<Object[]> checks = new ArrayList<>();
        for (CheckResult c : p.checks()) {
            checks.add(new Object[]{id, checks.size(), c.id(), c.field(), c.passed(), c.detail()});
        }
        jdbc.batchUpdate("insert into protocol_check (protocol_id, ordinal, check_id, field, passed, detail) values (?, ?, ?, ?, ?, ?)", checks);
        List<Object[]> flags = new ArrayList<>();
        for (Flag f : p.flags()) {
            flags.add(new Object[]{id, flags.size(), f.id(), f.detail()});
        }
        jdbc.batchUpdate("insert into protocol_flag (protocol_id, ordinal, flag_id, detail) values (?, ?, ?, ?)", flags);
    }

    /** How many copies of this content were recorded before source {@code id}. */
    long copiesBefore(String identity, long id) {
        return jdbc.queryForObject("select count(*) from source_file where identity = ? and id < ?", Long.class, identity, id);
    }
}
