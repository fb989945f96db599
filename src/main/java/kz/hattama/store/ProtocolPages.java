package kz.hattama.store;

import kz.hattama.protocol.ProtocolStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Every stored protocol, a page of them at a time, for exports and statistics: memory stays bounded however many. */
@Repository
public class ProtocolPages {

    /** Protocols read per query when exporting: bounds memory, not the export's size. */
    private static final int EXPORT_PAGE = 500;
    private final int exportPage;

    private final ProtocolRows rows;
    private final TransactionTemplate snapshot;

    @Autowired
    public ProtocolPages(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, EXPORT_PAGE);
    }

    ProtocolPages(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, int exportPage) {
        this.exportPage = exportPage;
        this.rows = new ProtocolRows(jdbc);
        this.snapshot = ProtocolRows.snapshot(transactionManager);
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
            List<StoredProtocol> page = rows.where("where (p.source_id, p.page_no) > (:afterSource, :afterPage)"
                    + statusFilter + " order by p.source_id, p.page_no limit :limit", params);
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
}
