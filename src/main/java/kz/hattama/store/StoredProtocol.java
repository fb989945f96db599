package kz.hattama.store;

import kz.hattama.image.PageTurn;
import kz.hattama.ingest.Rejection;
import kz.hattama.reconcile.CheckResult;
import kz.hattama.reconcile.FieldResult;
import kz.hattama.reconcile.Flag;
import kz.hattama.reconcile.ProtocolStatus;

import java.util.List;

/**
 * A protocol as stored, with the file it came from. {@code rejection} is set exactly when the status is REJECTED;
 * a rejected page has no form, fields, checks or flags.
 *
 * @param version the optimistic lock a review must name to change the protocol
 * @param turn    how the scan was turned before it was read: the boxes are on the turned page
 */
public record StoredProtocol(long id, String uid, long sourceId, int pageNo, String form, String lang, String precinct,
                             String address, String sourceName, String sourceSha256, ProtocolStatus status,
                             Rejection rejection, List<FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                             int version, PageTurn turn) {
}
