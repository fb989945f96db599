package kz.hattama.reconcile;

import kz.hattama.ingest.Rejection;

/**
 * What one page of an uploaded file became: a protocol as read, or a rejection with its reason.
 * Page numbers start at 1; page 0 stands for the whole file (a file rejected before any page was seen).
 *
 * @param pageImage the normalized page the protocol was read from, as JPEG: the field boxes are on it, so a reviewer
 *                  sees them where the machine looked. Null for a rejection and where no picture was kept.
 */
public record PageOutcome(int pageNo, ProtocolResult protocol, byte[] pageImage, Rejection rejection) {

    public static PageOutcome read(int pageNo, ProtocolResult protocol, byte[] pageImage) {
        return new PageOutcome(pageNo, protocol, pageImage, null);
    }

    public static PageOutcome read(int pageNo, ProtocolResult protocol) {
        return read(pageNo, protocol, null);
    }

    public static PageOutcome rejected(int pageNo, Rejection rejection) {
        return new PageOutcome(pageNo, null, null, rejection);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
