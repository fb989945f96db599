package kz.hattama.store;

import kz.hattama.protocol.ProtocolStatus;

import java.util.List;
import java.util.Map;

/**
 * What a job made of its files, for the operator at the end of a run.
 *
 * @param protocols    pages read as protocols (every status but REJECTED)
 * @param byStatus     protocol rows by status, REJECTED included, every status present
 * @param failedChecks failed checks by check id, most frequent first
 */
public record JobSummary(long jobInstanceId, long files, long pending, long duplicates, long protocols,
                         Map<ProtocolStatus, Long> byStatus, Map<String, Long> rejectedByCode,
                         List<RejectedFile> rejectedFiles, Map<String, Long> failedChecks) {

    public record RejectedFile(String name, int pageNo, String code, String message) {
    }

    public long rejected() {
        return byStatus.getOrDefault(ProtocolStatus.REJECTED, 0L);
    }

    /** A plain-text table for a terminal. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        row(out, "files", files);
        row(out, "pending", pending);
        row(out, "duplicates", duplicates);
        row(out, "protocols read", protocols);
        byStatus.forEach((status, n) -> row(out, "  " + status, n));
        section(out, "rejected by code", rejectedByCode);
        section(out, "failed checks", failedChecks);
        if (!rejectedFiles.isEmpty()) {
            out.append("rejected files\n");
            for (RejectedFile f : rejectedFiles) {
                out.append("  ").append(f.name()).append(f.pageNo() > 0 ? " p." + f.pageNo() : "")
                        .append("  ").append(f.code()).append("  ").append(f.message()).append('\n');
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Long> counts) {
        if (!counts.isEmpty()) {
            out.append(title).append('\n');
            counts.forEach((key, n) -> row(out, "  " + key, n));
        }
    }

    private static void row(StringBuilder out, String label, long n) {
        out.append(String.format("%-26s %8d\n", label, n));
    }
}
