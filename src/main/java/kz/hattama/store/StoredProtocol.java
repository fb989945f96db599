package kz.hattama.store;

import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.ReviewReason;

import java.util.List;

/**
 * A protocol as stored, with the file it came from. {@code rejection} is set exactly when the status is REJECTED;
 * a rejected page has no form, fields, checks or flags.
 *
 * @param version the optimistic lock a review must name to change the protocol
 * @param turn    how the scan was turned before it was read: the boxes are on the turned page
 * @param precinctStatus the precinct number's status; null for a rejected file
 * @param precinctConfidence how far the looks at the number backed it; null where it was not judged
 * @param precinctReasons why the number needs a person; empty when it does not
 */
public record StoredProtocol(long id, String uid, long sourceId, int pageNo, String form, String lang, String precinct,
                             String address, String sourceName, String sourceSha256, ProtocolStatus status,
                             Rejection rejection, List<FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                             int version, PageTurn turn, FieldStatus precinctStatus, Double precinctConfidence,
                             List<ReviewReason> precinctReasons) {

    public StoredProtocol {
        precinctReasons = precinctReasons == null ? List.of() : List.copyOf(precinctReasons);
    }

    /**
     * The precinct number when it may file the protocol under a precinct (VERIFIED or REVIEWED), else null: an unsure
     * number must never merge the protocol with another precinct's, flag it, or give it the list's place.
     */
    public String surePrecinct() {
        return precinctStatus == FieldStatus.VERIFIED || precinctStatus == FieldStatus.REVIEWED ? precinct : null;
    }

    /** Read as a protocol, but its precinct number needs a person (or was not read at all). */
    public boolean precinctUnsure() {
        return status != ProtocolStatus.REJECTED && surePrecinct() == null;
    }
}
