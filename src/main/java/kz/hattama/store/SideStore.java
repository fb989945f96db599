package kz.hattama.store;

import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.SideGroup;
import kz.hattama.protocol.SidePage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sides of two-sided protocols: those a job read and has not joined yet, the open protocols a later side may
 * join, and the protocols made of them. Each group is stored in one transaction that is safe to repeat.
 */
@Repository
public class SideStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final OutcomeStore outcomes;

    public SideStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, OutcomeStore outcomes) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.outcomes = outcomes;
    }

    /** The job's sides not joined yet, in upload order; a page's position counts every page of the job's files. */
    public List<SidePage> unjoined(long jobInstanceId) {
        return jdbc.query("""
                with pages as (
                    select p.source_id, p.page_no from protocol p join source_file s on s.id = p.source_id
                     where s.job_instance_id = ?
                    union
                    select sp.source_id, sp.page_no from side_page sp join source_file s on s.id = sp.source_id
                     where s.job_instance_id = ?),
                ranked as (select source_id, page_no, row_number() over (order by source_id, page_no) as pos from pages)
                select sp.id, sp.source_id, sp.page_no, r.pos, sp.reading::text as reading
                  from side_page sp join ranked r on r.source_id = sp.source_id and r.page_no = sp.page_no
                 where sp.protocol_id is null
                 order by r.pos""",
                (rs, i) -> new SidePage(rs.getLong("id"), rs.getLong("source_id"), rs.getInt("page_no"),
                        rs.getInt("pos"), SideReadings.read(rs.getString("reading"))),
                jobInstanceId, jobInstanceId);
    }

    /**
     * The protocol a side arriving alone completes: of the same form and the same sure precinct number, made of
     * sides, still waiting for a person (a signed-off protocol is not reopened), and lacking this side. Its stored
     * sides come first in the group, in its page order.
     */
    public Optional<SideGroup> openProtocolFor(SidePage page, String precinct, String form) {
        return joinable(page, jdbc.queryForList("""
                select p.id from protocol p
                 where p.precinct = ? and p.form = ? and p.status = ?
                   and p.precinct_status in ('VERIFIED', 'REVIEWED')
                   and exists (select 1 from side_page sp where sp.protocol_id = p.id)
                   and not exists (select 1 from side_page sp where sp.protocol_id = p.id and sp.side = ?)
                 order by p.id limit 1""", Long.class,
                precinct, form, ProtocolStatus.NEEDS_REVIEW.name(), page.side()));
    }

    /**
     * The protocol a reviewer uploaded this side for (the review page's "attach the missing side"), if it still waits
     * for a person and lacks this side: the reviewer's word joins them, whatever number the side shows (a number that
     * differs leaves the joined protocol's precinct number for review).
     */
    public Optional<SideGroup> attachedProtocolFor(SidePage page) {
        return joinable(page, jdbc.queryForList("""
                select p.id from source_file s
                  join upload_batch b on b.job_instance_id = s.job_instance_id
                  join protocol p on p.id = b.attach_to
                 where s.id = ? and p.status = ?
                   and exists (select 1 from side_page sp where sp.protocol_id = p.id)
                   and not exists (select 1 from side_page sp where sp.protocol_id = p.id and sp.side = ?)""", Long.class,
                page.sourceId(), ProtocolStatus.NEEDS_REVIEW.name(), page.side()));
    }

    private Optional<SideGroup> joinable(SidePage page, List<Long> ids) {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<SidePage> stored = jdbc.query("""
                select id, source_id, page_no, reading::text as reading from side_page
                 where protocol_id = ? order by ordinal""",
                (rs, i) -> new SidePage(rs.getLong("id"), rs.getLong("source_id"), rs.getInt("page_no"), 0,
                        SideReadings.read(rs.getString("reading"))), ids.get(0));
        List<SidePage> pages = new ArrayList<>(stored);
        pages.add(page);
        return Optional.of(new SideGroup(pages, ids.get(0), stored.size()));
    }

    /**
     * Stores the protocol made of a group: a new one filed under its first page, or the stored one read again with
     * the added side. A group whose added sides were joined already (a replayed chunk) is left as it is.
     *
     * @param pageOf        which of the group's pages each field's box is on
     * @param signaturePage which of them holds the signatures
     */
    public void save(SideGroup group, ProtocolResult protocol, Map<String, Integer> pageOf, int signaturePage) {
        tx.executeWithoutResult(status -> {
            for (SidePage added : group.added()) {
                Long joined = jdbc.queryForObject("select protocol_id from side_page where id = ? for update",
                        Long.class, added.id());
                if (joined != null) {
                    return;
                }
            }
            long id;
            if (group.protocolId() == null) {
                SidePage first = group.pages().get(0);
                Map<String, Object> row = jdbc.queryForMap("""
                        select s.identity, sp.jpeg, sp.page_turn from side_page sp join source_file s on s.id = sp.source_id
                         where sp.id = ?""", first.id());
                id = outcomes.insertProtocol(first.sourceId(), OutcomeStore.uid((String) row.get("identity"),
                                Integer.toString(first.pageNo())), first.pageNo(), protocol,
                        PageTurn.valueOf((String) row.get("page_turn")), pageOf, signaturePage);
                if (row.get("jpeg") != null) {
                    jdbc.update("insert into page_image (protocol_id, jpeg) values (?, ?)", id, row.get("jpeg"));
                }
            } else {
                id = group.protocolId();
                int changed = jdbc.update("""
                        update protocol set lang = ?, precinct = ?, address = ?, status = ?, precinct_status = ?,
                               precinct_confidence = ?, precinct_reason = ?::jsonb, version = version + 1, updated_at = now()
                         where id = ? and status = ?""",
                        protocol.lang(), protocol.precinct(), protocol.address(), protocol.status().name(),
                        protocol.precinctStatus() == null ? null : protocol.precinctStatus().name(),
                        protocol.precinctConfidence(), ReasonsColumn.write(protocol.precinctReasons()), id,
                        ProtocolStatus.NEEDS_REVIEW.name());
                if (changed == 0) {
                    throw new IllegalStateException("protocol " + id + " was signed off while a side joined it");
                }
                jdbc.update("delete from protocol_field where protocol_id = ?", id);
                jdbc.update("delete from protocol_check where protocol_id = ?", id);
                jdbc.update("delete from protocol_flag where protocol_id = ?", id);
                outcomes.insertReadings(id, protocol, pageOf);
                outcomes.saveSignatureBox(id, protocol, signaturePage);
            }
            for (int k = 0; k < group.pages().size(); k++) {
                SidePage page = group.pages().get(k);
                if (k >= group.stored()) {
                    if (k > 0) {
                        jdbc.update("insert into protocol_page (protocol_id, ordinal, source_id, page_no) values (?, ?, ?, ?)",
                                id, k, page.sourceId(), page.pageNo());
                    }
                    jdbc.update("update side_page set protocol_id = ?, ordinal = ? where id = ?", id, k, page.id());
                }
            }
        });
    }
}
