package kz.hattama.reconcile;

import kz.hattama.ingest.Rejection;

/**
 * What one page of an uploaded file became: a protocol as read, or a rejection with its reason.
 * Page numbers start at 1; page 0 stands for the whole file (a file rejected before any page was seen).
 */
public record PageOutcome(int pageNo, ProtocolResult protocol, Rejection rejection) {

    public static PageOutcome read(int pageNo, ProtocolResult protocol) {
        return new PageOutcome(pageNo, protocol, null);
    }

    public static PageOutcome rejected(int pageNo, Rejection rejection) {
        return new PageOutcome(pageNo, null, rejection);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
