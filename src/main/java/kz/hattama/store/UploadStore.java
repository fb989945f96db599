package kz.hattama.store;

import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Upload batches: the files people sent, waiting in a folder until digitizeJob reads them, and what each became.
 * A batch's files are linked to the job's {@code source_file} rows by the job instance and the file name.
 */
@Repository
public class UploadStore {

    public enum Origin { WEB, API, CONSUME, BOT }

    public enum BatchState { QUEUED, RUNNING, DONE, FAILED }

    public record Batch(long id, Long userId, Origin origin, Path folder, BatchState state, Long jobInstanceId,
                        int attempts, Instant createdAt) {
    }

    /** A file saved into a batch's folder under {@code name}. */
    public record SavedFile(String name, long size) {
    }

    /** One page or file outcome of an uploaded file (a zip or a PDF has several). */
    public record Outcome(long sourceId, String sourceName, int pageNo, Long protocolId, ProtocolStatus status,
                          RejectionCode rejection, Long duplicateOf, String duplicateOfName, Long duplicateOfOwner,
                          int uncertainFields, int failedChecks) {
    }

    /**
     * A file of a batch as stored: how many sources the intake made of it ({@code sources}; a zip or a PDF makes
     * several, a file not reached yet none), how many of them still wait to be read, and what the read ones became.
     */
    public record UploadedFile(long id, String name, long size, int sources, int pending, List<Outcome> outcomes) {
    }

    /** A batch with its files, in the order they were uploaded. */
    public record BatchFiles(Batch batch, List<UploadedFile> files) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;

    public UploadStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(transactionManager);
    }

    private static final RowMapper<Batch> BATCH = (rs, i) -> new Batch(rs.getLong("id"),
            (Long) rs.getObject("user_id"), Origin.valueOf(rs.getString("origin")), Path.of(rs.getString("folder")),
            BatchState.valueOf(rs.getString("state")), (Long) rs.getObject("job_instance_id"), rs.getInt("attempts"),
            rs.getTimestamp("created_at").toInstant());

    /** What a user uploaded through the page and the API in the last 24 hours. */
    public record Usage(long files, long bytes) {
    }

    /** Queues files already saved in {@code folder}, in the order given. */
    public Batch queue(Long userId, Origin origin, Path folder, List<SavedFile> files) {
        return queue(userId, origin, folder, files, usage -> {
        });
    }

    /**
     * Queues files already saved in {@code folder}, in the order given, if {@code admit} accepts the uploader's
     * usage so far (it refuses by throwing; nothing is queued then). One user's uploads are admitted one at a time,
     * so two requests at once cannot both slip under a quota.
     */
    public Batch queue(Long userId, Origin origin, Path folder, List<SavedFile> files, Consumer<Usage> admit) {
        return queue(userId, origin, folder, files, admit, null);
    }

    /** The same for a reviewer's upload of the missing side of protocol {@code attachTo}. */
    public Batch queue(Long userId, Origin origin, Path folder, List<SavedFile> files, Consumer<Usage> admit,
                       Long attachTo) {
        return tx.execute(status -> {
            if (userId != null) {
                jdbc.query("select 1 from app_user where id = ? for update", rs -> {
                }, userId);
                admit.accept(jdbc.queryForObject("""
                        select count(f.id), coalesce(sum(f.size_bytes), 0) from upload_batch b
                          join upload_file f on f.batch_id = b.id
                         where b.user_id = ? and b.origin in ('WEB', 'API') and b.created_at > now() - interval '24 hours'""",
                        (rs, i) -> new Usage(rs.getLong(1), rs.getLong(2)), userId));
            }
            long id = jdbc.queryForObject("""
                    insert into upload_batch (user_id, origin, folder, state, attach_to) values (?, ?, ?, 'QUEUED', ?)
                    returning id""",
                    Long.class, userId, origin.name(), folder.toAbsolutePath().normalize().toString(), attachTo);
            List<Object[]> rows = new ArrayList<>();
            for (SavedFile f : files) {
                rows.add(new Object[]{id, rows.size(), f.name(), f.size()});
            }
            jdbc.batchUpdate("insert into upload_file (batch_id, seq, name, size_bytes) values (?, ?, ?, ?)", rows);
            return batch(id).orElseThrow();
        });
    }

    public Optional<Batch> batch(long id) {
        return jdbc.query("select * from upload_batch where id = ?", BATCH, id).stream().findFirst();
    }

    /**
     * The batch to read next. What came through a messenger bot goes first: its observer is still at the polling
     * station and waits for the reply. Then one a stopped server left running (or that gave way to a bot's); then
     * the oldest queued batch of the uploader served least recently (one not served for a day counts as never
     * served). Uploaders thus take turns, a batch each: one volunteer's ten thousand files wait while another's three
     * are read, not the other way round. Files nobody owns (the consume folder) take their turn as one uploader.
     */
    public Optional<Batch> nextToRun() {
        return jdbc.query("""
                with waiting as (select * from upload_batch where state in ('RUNNING', 'QUEUED')),
                     served as (select user_id, max(started_at) as at from upload_batch
                                 where started_at > now() - interval '1 day' group by user_id)
                select w.* from waiting w left join served s on s.user_id is not distinct from w.user_id
                 order by w.origin = 'BOT' desc, w.state = 'RUNNING' desc, s.at nulls first, w.id limit 1""", BATCH).stream().findFirst();
    }

    /** Whether a batch from a messenger bot waits, for which a running batch of another door gives way. */
    public boolean botWaiting() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from upload_batch where origin = 'BOT' and state = 'QUEUED')", Boolean.class));
    }

    /**
     * A batch stopped to let a bot's batch go first: it stays RUNNING, to be continued where it stopped, and the stop
     * does not count as one of its failed attempts.
     */
    public void gaveWay(long batchId) {
        jdbc.update("update upload_batch set attempts = greatest(attempts - 1, 0) where id = ?", batchId);
    }

    public void started(long batchId, long jobInstanceId) {
        jdbc.update("""
                update upload_batch set state = 'RUNNING', job_instance_id = ?, attempts = attempts + 1, started_at = now()
                 where id = ?""", jobInstanceId, batchId);
    }

    public void finished(long batchId, BatchState state) {
        jdbc.update("update upload_batch set state = ?, finished_at = now() where id = ?", state.name(), batchId);
    }

    /**
     * Records that {@code jobInstanceId} read the batch to the end. Safe to repeat: the queue calls it again after a
     * crash cut its bookkeeping short, and the batch keeps the job that stored its files, which is how they stay its
     * uploader's.
     */
    public void read(long batchId, long jobInstanceId) {
        jdbc.update("""
                update upload_batch set state = 'DONE', job_instance_id = ?, finished_at = coalesce(finished_at, now())
                 where id = ?""", jobInstanceId, batchId);
    }

    /**
     * Folders still needed: batches waiting or being read, and failed ones (kept for a look). A read batch's files are
     * in the database, so its folder, and one no batch names, may go.
     */
    public List<Path> keptFolders() {
        return jdbc.queryForList("select folder from upload_batch where state <> 'DONE'", String.class)
                .stream().map(Path::of).toList();
    }

    /** Who uploaded a stored file; empty for files read by the CLI or an unowned consume folder. */
    public Optional<Long> ownerOfSource(long sourceId) {
        return jdbc.queryForList("""
                select b.user_id from source_file s join upload_batch b on b.job_instance_id = s.job_instance_id
                 where s.id = ? and b.user_id is not null""", Long.class, sourceId).stream().findFirst();
    }

    /** A user's latest batches, newest first; all users' when {@code userId} is null. */
    public List<BatchFiles> recent(Long userId, int limit) {
        List<Batch> batches = userId == null
                ? jdbc.query("select * from upload_batch order by id desc limit ?", BATCH, limit)
                : jdbc.query("select * from upload_batch where user_id = ? order by id desc limit ?", BATCH, userId, limit);
        return withFiles(batches);
    }

    public Optional<BatchFiles> withFiles(long batchId) {
        return batch(batchId).map(b -> withFiles(List.of(b)).get(0));
    }

    private List<BatchFiles> withFiles(List<Batch> batches) {
        if (batches.isEmpty()) {
            return List.of();
        }
        Map<Long, Batch> byId = new LinkedHashMap<>();
        batches.forEach(b -> byId.put(b.id(), b));
        Map<Long, Map<Long, FileRow>> files = new LinkedHashMap<>();
        batches.forEach(b -> files.put(b.id(), new LinkedHashMap<>()));
        Map<String, Collection<Long>> ids = Map.of("ids", byId.keySet());
        // A file's sources are the job's rows of the same name, or the entries of a zip of that name.
        named.query("""
                select f.id, f.batch_id, f.name, f.size_bytes,
                       s.id as source_id, s.name as source_name, s.state as source_state, s.duplicate_of,
                       d.name as duplicate_name, db.user_id as duplicate_owner,
                       p.id as protocol_id, p.page_no, p.status, p.rejection_code,
                       (select count(*) from protocol_field pf where pf.protocol_id = p.id and pf.status = 'NEEDS_REVIEW') as uncertain,
                       (select count(*) from protocol_check pc where pc.protocol_id = p.id and not pc.passed) as failed
                  from upload_file f
                  join upload_batch b on b.id = f.batch_id
                  left join source_file s on s.job_instance_id = b.job_instance_id
                                         and (s.name = f.name or starts_with(s.name, f.name || '!/'))
                  -- the file's own protocols, and those it is the other side of
                  left join lateral (select p1.id, p1.page_no, p1.status, p1.rejection_code from protocol p1
                                      where p1.source_id = s.id
                                     union all
                                     select p2.id, pp.page_no, p2.status, p2.rejection_code
                                       from protocol_page pp join protocol p2 on p2.id = pp.protocol_id
                                      where pp.source_id = s.id) p on true
                  left join source_file d on d.id = s.duplicate_of
                  left join upload_batch db on db.job_instance_id = d.job_instance_id
                 where f.batch_id in (:ids)
                 order by f.batch_id, f.seq, s.seq, p.page_no""", ids, rs -> {
            String name = rs.getString("name");
            long size = rs.getLong("size_bytes");
            FileRow file = files.get(rs.getLong("batch_id")).computeIfAbsent(rs.getLong("id"), id -> new FileRow(id, name, size));
            Long source = (Long) rs.getObject("source_id");
            if (source == null) {
                return;
            }
            file.sources++;
            if ("PENDING".equals(rs.getString("source_state"))) {
                file.pending++;
            }
            Long protocol = (Long) rs.getObject("protocol_id");
            if (protocol != null) {
                String code = rs.getString("rejection_code");
                file.outcomes.add(new Outcome(source, rs.getString("source_name"), rs.getInt("page_no"), protocol,
                        ProtocolStatus.valueOf(rs.getString("status")),
                        code == null ? null : RejectionCode.valueOf(code), (Long) rs.getObject("duplicate_of"),
                        rs.getString("duplicate_name"), (Long) rs.getObject("duplicate_owner"),
                        rs.getInt("uncertain"), rs.getInt("failed")));
            }
        });
        List<BatchFiles> out = new ArrayList<>();
        for (Batch b : batches) {
            out.add(new BatchFiles(b, files.get(b.id()).values().stream()
                    .map(f -> new UploadedFile(f.id, f.name, f.size, f.sources, f.pending, List.copyOf(f.outcomes)))
                    .toList()));
        }
        return out;
    }

    private static final class FileRow {
        final long id;
        final String name;
        final long size;
        int sources;
        int pending;
        final List<Outcome> outcomes = new ArrayList<>();

        FileRow(long id, String name, long size) {
            this.id = id;
            this.name = name;
            this.size = size;
        }
    }
}
