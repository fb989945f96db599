package kz.hattama.store;

import kz.hattama.protocol.Box;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Uploaded files, their scans and what each page became. Every write is one transaction and safe to repeat, because
 * a restarted Spring Batch step replays the chunk that was in flight when the previous run died.
 */
@Repository
public class ProtocolStore {

    private static final String PENDING = "PENDING";
    private static final String DONE = "DONE";
    /** Protocols read per query when exporting: bounds memory, not the export's size. */
    private static final int EXPORT_PAGE = 500;
    private final int exportPage;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    /** Reads that span several queries see one state of the database, even while a job is writing. */
    private final TransactionTemplate snapshot;

    @Autowired
    public ProtocolStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, EXPORT_PAGE);
    }

    ProtocolStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, int exportPage) {
        this.exportPage = exportPage;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(transactionManager);
        this.snapshot = new TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
    }

    public record PendingSource(long id, String name, String sha256, String mediaType, byte[] bytes) {
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
                    original == null && rejection == null ? PENDING : DONE, original);
            if (original != null) {
                // Each later copy gets its own id: page 0 of the content may already be the original's rejection.
                String uid = uid(identity, "dup" + copiesBefore(identity, id));
                insertRejected(id, uid, 0, Rejection.of(RejectionCode.DUPLICATE, originalRow.get("name")));
            } else if (rejection != null) {
                insertRejected(id, uid(identity, "0"), 0, rejection);
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

    /** How many copies of this content were recorded before source {@code id}. */
    private long copiesBefore(String identity, long id) {
        return jdbc.queryForObject("select count(*) from source_file where identity = ? and id < ?", Long.class, identity, id);
    }

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
    private static String uid(String identity, String page) {
        return identity.substring(0, 16) + "-" + page;
    }

    private void insertRejected(long sourceId, String uid, int pageNo, Rejection rejection) {
        jdbc.update("""
                insert into protocol (uid, source_id, page_no, status, rejection_code, rejection_message)
                values (?, ?, ?, ?, ?, ?)""",
                uid, sourceId, pageNo, ProtocolStatus.REJECTED.name(), rejection.code().name(), rejection.message());
    }

    private long insertProtocol(long sourceId, String uid, int pageNo, ProtocolResult p, PageTurn turn) {
        long id = jdbc.queryForObject("""
                insert into protocol (uid, source_id, page_no, form, lang, precinct, address, status, page_turn,
                                      precinct_status, precinct_confidence, precinct_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""", Long.class,
                uid, sourceId, pageNo, p.form(), p.lang(), p.precinct(), p.address(), p.status().name(), turn.name(),
                p.precinctStatus() == null ? null : p.precinctStatus().name(), p.precinctConfidence(),
                ReasonsColumn.write(p.precinctReasons()));
        List<Object[]> fields = new ArrayList<>();
        for (FieldResult f : p.fields().values()) {
            Box b = f.box();
            fields.add(new Object[]{id, f.key(), fields.size(), f.value(), f.digits(), f.words(), f.digitsText(),
                    f.wordsText(), f.confidence(), f.status().name(), ReasonsColumn.write(f.reasons()),
                    b == null ? null : b.x(), b == null ? null : b.y(), b == null ? null : b.width(), b == null ? null : b.height()});
        }
        jdbc.batchUpdate("""
                insert into protocol_field (protocol_id, key, ordinal, value, digits, words, digits_text, words_text,
                                            confidence, status, reason, box_x, box_y, box_w, box_h)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""", fields);
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
        return id;
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

    public byte[] scan(String sha256) {
        List<byte[]> bytes = jdbc.queryForList("select bytes from scan_blob where sha256 = ?", byte[].class, sha256);
        if (bytes.isEmpty()) {
            throw new NoSuchElementException("no scan with sha256 " + sha256);
        }
        return bytes.get(0);
    }

    /** One protocol with its fields, checks, flags and review, as an export reads it. */
    public Optional<StoredProtocol> protocol(long id) {
        return snapshot.execute(status -> readPage(jdbc.query(PROTOCOL_SELECT + " where p.id = ?", this::protocolRow, id))
                .stream().findFirst());
    }

    /** The normalized page a protocol was read from, as JPEG; empty for rejections and pages stored without one. */
    public Optional<byte[]> pageImage(long protocolId) {
        return jdbc.queryForList("select jpeg from page_image where protocol_id = ?", byte[].class, protocolId)
                .stream().findFirst();
    }

    public boolean hasPageImage(long protocolId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from page_image where protocol_id = ?)", Boolean.class, protocolId));
    }

    /** A stored file as it was uploaded; {@code sha256} is null when its content was not kept (see V6). */
    public record Source(long id, String name, String sha256, String mediaType, Long duplicateOf, Instant createdAt) {
    }

    public Optional<Source> source(long sourceId) {
        return jdbc.query("select id, name, sha256, media_type, duplicate_of, created_at from source_file where id = ?",
                (rs, i) -> new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getTimestamp(6).toInstant()), sourceId).stream().findFirst();
    }

    /** What a stored file became, page by page. */
    public List<StoredProtocol> protocolsOf(long sourceId) {
        return snapshot.execute(status -> readPage(jdbc.query(PROTOCOL_SELECT + " where p.source_id = ? order by p.page_no",
                this::protocolRow, sourceId)));
    }

    public JobSummary summarize(long jobInstanceId) {
        return snapshot.execute(status -> {
            Map<String, Object> files = jdbc.queryForMap("""
                    select count(*) as files,
                           count(*) filter (where state = 'PENDING') as pending,
                           count(duplicate_of) as duplicates
                      from source_file where job_instance_id = ?""", jobInstanceId);
            Map<ProtocolStatus, Long> byStatus = new EnumMap<>(ProtocolStatus.class);
            for (ProtocolStatus s : ProtocolStatus.values()) {
                byStatus.put(s, 0L);
            }
            jdbc.query("""
                    select p.status, count(*) from protocol p join source_file s on s.id = p.source_id
                     where s.job_instance_id = ? group by p.status""",
                    rs -> { byStatus.put(ProtocolStatus.valueOf(rs.getString(1)), rs.getLong(2)); }, jobInstanceId);
            List<JobSummary.RejectedFile> rejected = jdbc.query("""
                    select s.name, p.page_no, p.rejection_code, p.rejection_message
                      from protocol p join source_file s on s.id = p.source_id
                     where s.job_instance_id = ? and p.status = 'REJECTED' order by s.seq, p.page_no""",
                    (rs, i) -> new JobSummary.RejectedFile(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                    jobInstanceId);
            Map<String, Long> rejectedByCode = rejected.stream().collect(Collectors.groupingBy(
                    JobSummary.RejectedFile::code, java.util.TreeMap::new, Collectors.counting()));
            Map<String, Long> failedChecks = new LinkedHashMap<>();
            jdbc.query("""
                    select c.check_id, count(*) from protocol_check c
                      join protocol p on p.id = c.protocol_id join source_file s on s.id = p.source_id
                     where s.job_instance_id = ? and not c.passed group by c.check_id order by count(*) desc, c.check_id""",
                    rs -> { failedChecks.put(rs.getString(1), rs.getLong(2)); }, jobInstanceId);
            long read = byStatus.entrySet().stream()
                    .filter(e -> e.getKey() != ProtocolStatus.REJECTED).mapToLong(Map.Entry::getValue).sum();
            return new JobSummary(jobInstanceId, (Long) files.get("files"), (Long) files.get("pending"),
                    (Long) files.get("duplicates"), read, byStatus, rejectedByCode, rejected, failedChecks);
        });
    }

    /**
     * Hands every stored protocol with one of {@code statuses} (all when empty) to {@code sink}, in upload order and
     * page order, reading a page of protocols at a time.
     *
     * @return how many were handed over
     */
    public long forEachProtocol(Set<ProtocolStatus> statuses, Consumer<StoredProtocol> sink) {
        return forEachPage(statuses, page -> page.forEach(sink));
    }

    /**
     * {@link #forEachProtocol} a page at a time, for readers that look up something else per protocol and would
     * rather do it with one query per page.
     */
    public long forEachPage(Set<ProtocolStatus> statuses, Consumer<List<StoredProtocol>> sink) {
        return snapshot.execute(status -> forEachPageInSnapshot(statuses, sink));
    }

    /**
     * Runs {@code reads} in one read-only repeatable-read transaction, so that several reads (of this store, of the
     * precinct list, of the review history) see one state of the database while a job or a reviewer writes.
     */
    public <T> T readConsistently(Supplier<T> reads) {
        return snapshot.execute(status -> reads.get());
    }

    /** The protocol with this export id, with its fields, checks and flags. */
    public Optional<StoredProtocol> protocol(String uid) {
        List<StoredProtocol> found = readPage(jdbc.query(PROTOCOL_SELECT + "where p.uid = ?", this::protocolRow, uid));
        return found.stream().findFirst();
    }

    /** The media type the intake detected for a source, which tells how to decode its scan again. */
    public String mediaType(long sourceId) {
        return jdbc.queryForObject("select media_type from source_file where id = ?", String.class, sourceId);
    }

    private long forEachPageInSnapshot(Set<ProtocolStatus> statuses, Consumer<List<StoredProtocol>> sink) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("statuses", statuses.stream().map(Enum::name).toList())
                .addValue("limit", exportPage);
        String statusFilter = statuses.isEmpty() ? "" : " and p.status in (:statuses)";
        long count = 0;
        long afterSource = -1;
        int afterPage = -1;
        while (true) {
            params.addValue("afterSource", afterSource).addValue("afterPage", afterPage);
            List<StoredProtocol> page = readPage(named.query(PROTOCOL_SELECT
                    + "where (p.source_id, p.page_no) > (:afterSource, :afterPage)" + statusFilter
                    + " order by p.source_id, p.page_no limit :limit", params, this::protocolRow));
            if (!page.isEmpty()) {
                sink.accept(page);
            }
            count += page.size();
            if (page.size() < exportPage) {
                return count;
            }
            StoredProtocol last = page.get(page.size() - 1);
            afterSource = last.sourceId();
            afterPage = last.pageNo();
        }
    }

    private static final String PROTOCOL_SELECT = """
            select p.id, p.uid, p.source_id, p.page_no, p.form, p.lang, p.precinct, p.address, p.status,
                   p.rejection_code, p.rejection_message, p.version, p.page_turn, s.name, s.sha256,
                   p.precinct_status, p.precinct_confidence, p.precinct_reason
              from protocol p join source_file s on s.id = p.source_id
            """;

    private StoredProtocol protocolRow(ResultSet rs, int row) throws SQLException {
        String code = rs.getString("rejection_code");
        String precinctStatus = rs.getString("precinct_status");
        return new StoredProtocol(rs.getLong("id"), rs.getString("uid"), rs.getLong("source_id"), rs.getInt("page_no"),
                rs.getString("form"), rs.getString("lang"), rs.getString("precinct"), rs.getString("address"),
                rs.getString("name"), rs.getString("sha256"), ProtocolStatus.valueOf(rs.getString("status")),
                code == null ? null : new Rejection(RejectionCode.valueOf(code), rs.getString("rejection_message")),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), rs.getInt("version"),
                PageTurn.valueOf(rs.getString("page_turn")),
                precinctStatus == null ? null : FieldStatus.valueOf(precinctStatus),
                (Double) rs.getObject("precinct_confidence"), ReasonsColumn.read(rs.getString("precinct_reason")));
    }

    /** Fills in fields, checks, flags and reviews with one query each for the whole page. */
    private List<StoredProtocol> readPage(List<StoredProtocol> protocols) {
        if (protocols.isEmpty()) {
            return protocols;
        }
        Map<Long, StoredProtocol> byId = protocols.stream()
                .collect(Collectors.toMap(StoredProtocol::id, p -> p, (a, b) -> a, LinkedHashMap::new));
        Map<String, Collection<Long>> ids = Map.of("ids", byId.keySet());
        named.query("select * from protocol_field where protocol_id in (:ids) order by protocol_id, ordinal", ids, rs -> {
            Integer boxX = (Integer) rs.getObject("box_x");
            Box box = boxX == null ? null
                    : new Box(boxX, rs.getInt("box_y"), rs.getInt("box_w"), rs.getInt("box_h"));
            byId.get(rs.getLong("protocol_id")).fields().add(new FieldResult(rs.getString("key"),
                    (Integer) rs.getObject("value"), (Integer) rs.getObject("digits"), (Integer) rs.getObject("words"),
                    rs.getString("digits_text"), rs.getString("words_text"), rs.getDouble("confidence"),
                    FieldStatus.valueOf(rs.getString("status")), ReasonsColumn.read(rs.getString("reason")), box));
        });
        named.query("select * from protocol_check where protocol_id in (:ids) order by protocol_id, ordinal", ids, rs -> {
            byId.get(rs.getLong("protocol_id")).checks().add(new CheckResult(rs.getString("check_id"),
                    rs.getBoolean("passed"), rs.getString("detail"), rs.getString("field")));
        });
        named.query("select * from protocol_flag where protocol_id in (:ids) order by protocol_id, ordinal", ids, rs -> {
            byId.get(rs.getLong("protocol_id")).flags().add(new Flag(rs.getString("flag_id"), rs.getString("detail")));
        });
        return protocols;
    }

    private static void requireSha256Of(byte[] bytes, String sha256) {
        String actual = Hashes.sha256(bytes);
        // The scan is stored under this key for good: a wrong one would hand other content to every later reader.
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("sha256 " + sha256 + " is not the hash of the given bytes (" + actual + ")");
        }
    }
}
