package kz.hattama.store;

import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.ProtocolStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What reviewers do to stored protocols: the queue they work from and their sign-offs, each written in one
 * transaction that succeeds only on the version the reviewer saw.
 */
@Repository
public class ReviewStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public ReviewStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /**
     * A protocol waiting for a person; {@code problems} counts its doubtful fields and failed checks. An unsure precinct
     * number counts as a doubtful field.
     */
    public record QueueItem(long protocolId, String sourceName, int pageNo, String precinct, String lang,
                            int uncertainFields, int failedChecks, Instant createdAt) {

        public int problems() {
            return uncertainFields + failedChecks;
        }
    }

    /** A field as the sign-off leaves it. */
    public record FieldUpdate(String key, Integer value, FieldStatus status) {
    }

    /** The precinct number as the sign-off leaves it. */
    public record PrecinctUpdate(String value, FieldStatus status) {
    }

    /**
     * @param expectedVersion the version the reviewer saw; the sign-off is refused when the protocol moved on since
     * @param checks          the relation checks recomputed on the new figures (per-field checks are left as read)
     * @param precinct        the precinct number as the reviewer leaves it; null leaves it as it is
     */
    public record SignOff(long protocolId, int expectedVersion, long reviewerId, String reviewer,
                          List<FieldUpdate> fields, List<CheckResult> checks, List<Flag> flags,
                          List<ReviewRecord.Change> changes, PrecinctUpdate precinct) {
    }

    /** The last sign-off of a protocol, to tell a reviewer whose save came first. */
    public record LastSignOff(String reviewer, Instant at, int version) {
    }

    /** Someone saved the protocol after this reviewer opened it; {@code last} is who, when there is a sign-off. */
    public static final class ConflictException extends RuntimeException {
        private final transient LastSignOff last;

        public ConflictException(long protocolId, LastSignOff last) {
            super("protocol " + protocolId + " was changed by someone else since it was opened");
            this.last = last;
        }

        public Optional<LastSignOff> last() {
            return Optional.ofNullable(last);
        }
    }

    /** NEEDS_REVIEW protocols, most problems first, then the oldest. */
    public List<QueueItem> queue(int limit, int offset) {
        return jdbc.query("""
                select * from (
                    select p.id, s.name, p.page_no, p.precinct, p.lang, p.created_at,
                           (select count(*) from protocol_field f where f.protocol_id = p.id and f.status = 'NEEDS_REVIEW')
                             + (case when p.precinct_status = 'NEEDS_REVIEW' then 1 else 0 end) as fields,
                           (select count(*) from protocol_check c where c.protocol_id = p.id and not c.passed) as checks
                      from protocol p join source_file s on s.id = p.source_id
                     where p.status = 'NEEDS_REVIEW') q
                 order by q.fields + q.checks desc, q.id
                 limit ? offset ?""",
                (rs, i) -> new QueueItem(rs.getLong("id"), rs.getString("name"), rs.getInt("page_no"),
                        rs.getString("precinct"), rs.getString("lang"), rs.getInt("fields"), rs.getInt("checks"),
                        rs.getTimestamp("created_at").toInstant()),
                limit, offset);
    }

    /** The first protocol of the queue other than {@code skip}, if any. */
    public Optional<Long> next(long skip) {
        return queue(2, 0).stream().map(QueueItem::protocolId).filter(id -> id != skip).findFirst();
    }

    /** Protocols per status, every status present. */
    public Map<ProtocolStatus, Long> counts() {
        Map<ProtocolStatus, Long> counts = new EnumMap<>(ProtocolStatus.class);
        for (ProtocolStatus s : ProtocolStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("select status, count(*) from protocol group by status",
                rs -> { counts.put(ProtocolStatus.valueOf(rs.getString(1)), rs.getLong(2)); });
        return counts;
    }

    public Optional<LastSignOff> lastSignOff(long protocolId) {
        return jdbc.query("select reviewer, at, version from review_signoff where protocol_id = ? order by version desc limit 1",
                (rs, i) -> new LastSignOff(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)), protocolId)
                .stream().findFirst();
    }

    /**
     * Writes a sign-off: the protocol becomes REVIEWED at the next version, its fields and relation checks take the
     * reviewed figures, and the history gains the sign-off and its changes.
     *
     * @return the protocol's new version
     * @throws ConflictException when the protocol is no longer at {@code expectedVersion}
     */
    public int signOff(SignOff s) {
        return tx.execute(status -> {
            int version = s.expectedVersion() + 1;
            int updated = jdbc.update("""
                    update protocol set status = ?, version = ?, updated_at = now()
                     where id = ? and version = ? and status <> 'REJECTED'""",
                    ProtocolStatus.REVIEWED.name(), version, s.protocolId(), s.expectedVersion());
            if (updated == 0) {
                throw new ConflictException(s.protocolId(), lastSignOff(s.protocolId()).orElse(null));
            }
            if (s.precinct() != null) {
                jdbc.update("update protocol set precinct = ?, precinct_status = ? where id = ?",
                        s.precinct().value(), s.precinct().status().name(), s.protocolId());
            }
            List<Object[]> fields = new ArrayList<>();
            for (FieldUpdate f : s.fields()) {
                fields.add(new Object[]{f.value(), f.status().name(), s.protocolId(), f.key()});
            }
            jdbc.batchUpdate("update protocol_field set value = ?, status = ? where protocol_id = ? and key = ?", fields);
            List<Object[]> checks = new ArrayList<>();
            for (CheckResult c : s.checks()) {
                checks.add(new Object[]{c.passed(), c.detail(), s.protocolId(), c.id()});
            }
            jdbc.batchUpdate("update protocol_check set passed = ?, detail = ? where protocol_id = ? and check_id = ? and field is null", checks);
            jdbc.update("delete from protocol_flag where protocol_id = ?", s.protocolId());
            List<Object[]> flags = new ArrayList<>();
            for (Flag f : s.flags()) {
                flags.add(new Object[]{s.protocolId(), flags.size(), f.id(), f.detail()});
            }
            jdbc.batchUpdate("insert into protocol_flag (protocol_id, ordinal, flag_id, detail) values (?, ?, ?, ?)", flags);
            long signOff = jdbc.queryForObject("""
                    insert into review_signoff (protocol_id, reviewer_id, reviewer, version) values (?, ?, ?, ?)
                    returning id""", Long.class, s.protocolId(), s.reviewerId(), s.reviewer(), version);
            List<Object[]> changes = new ArrayList<>();
            for (ReviewRecord.Change c : s.changes()) {
                changes.add(new Object[]{signOff, s.protocolId(), c.field(), c.from(), c.to()});
            }
            jdbc.batchUpdate("insert into review_change (signoff_id, protocol_id, field, from_value, to_value) values (?, ?, ?, ?, ?)", changes);
            return version;
        });
    }
}
