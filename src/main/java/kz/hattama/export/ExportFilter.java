package kz.hattama.export;

import kz.hattama.reconcile.ProtocolStatus;

import java.util.Set;

/** Which protocols an export holds; no statuses means all of them, rejected files included. */
public record ExportFilter(Set<ProtocolStatus> statuses) {

    public ExportFilter {
        statuses = Set.copyOf(statuses);
    }

    public static ExportFilter all() {
        return new ExportFilter(Set.of());
    }

    public static ExportFilter of(ProtocolStatus... statuses) {
        return new ExportFilter(Set.of(statuses));
    }
}
