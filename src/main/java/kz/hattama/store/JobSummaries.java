package kz.hattama.store;

import kz.hattama.protocol.ProtocolStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The summary a digitize run prints at its end, read in one snapshot. */
@Repository
public class JobSummaries {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public JobSummaries(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.snapshot = ProtocolRows.snapshot(transactionManager);
    }

    /** What a job did: files, duplicates, protocols by status, rejections by code and the checks that failed most. */
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
                    JobSummary.RejectedFile::code, TreeMap::new, Collectors.counting()));
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
}
