package kz.hattama.protocol;


/**
 * What one page of an uploaded file became: a protocol as read, one side of a protocol printed on both sides of the
 * sheet (its readings, to be joined with the other side's), or a rejection with its reason.
 * Page numbers start at 1; page 0 stands for the whole file (a file rejected before any page was seen).
 *
 * @param side      the readings of a page that shows one side of a two-sided protocol; null otherwise
 * @param pageImage the normalized page the protocol was read from, as JPEG: the field boxes are on it, so a reviewer
 *                  sees them where the machine looked. Null for a rejection and where no picture was kept.
 * @param turn      how the picture was turned before it was read; the boxes are on the turned page
 */
public record PageOutcome(int pageNo, ProtocolResult protocol, byte[] pageImage, Rejection rejection, PageTurn turn,
                          PageReading side) {

    public PageOutcome(int pageNo, ProtocolResult protocol, byte[] pageImage, Rejection rejection, PageTurn turn) {
        this(pageNo, protocol, pageImage, rejection, turn, null);
    }

    public static PageOutcome read(int pageNo, ProtocolResult protocol, byte[] pageImage, PageTurn turn) {
        return new PageOutcome(pageNo, protocol, pageImage, null, turn);
    }

    /** One side of a two-sided protocol, read: it becomes a protocol when joined with its other side (or alone). */
    public static PageOutcome side(int pageNo, PageReading reading, byte[] pageImage, PageTurn turn) {
        return new PageOutcome(pageNo, null, pageImage, null, turn, reading);
    }

    public boolean isSide() {
        return side != null;
    }

    public static PageOutcome read(int pageNo, ProtocolResult protocol, byte[] pageImage) {
        return read(pageNo, protocol, pageImage, PageTurn.NONE);
    }

    public static PageOutcome read(int pageNo, ProtocolResult protocol) {
        return read(pageNo, protocol, null);
    }

    public static PageOutcome rejected(int pageNo, Rejection rejection) {
        return new PageOutcome(pageNo, null, null, rejection, PageTurn.NONE);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
