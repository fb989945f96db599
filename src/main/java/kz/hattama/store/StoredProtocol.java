package kz.hattama.store;

import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.ReviewReason;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A protocol as stored, with the file it came from. {@code rejection} is set exactly when the status is REJECTED;
 * a rejected page has no form, fields, checks or flags.
 *
 * @param version the optimistic lock a review must name to change the protocol
 * @param turn    how the scan was turned before it was read: the boxes are on the turned page
 * @param precinctStatus the precinct number's status; null for a rejected file
 * @param precinctConfidence how far the looks at the number backed it; null where it was not judged
 * @param precinctReasons why the number needs a person; empty when it does not
 * @param morePages the pages it was read from after its own (the other side of a two-sided protocol), in order
 * @param fieldPages which page each field's box is on (0 its own page, k the k-th of {@code morePages}), where not 0
 * @param signatureBox where the commission's signatures are; null where they were not found
 */
public record StoredProtocol(long id, String uid, long sourceId, int pageNo, String form, String lang, String precinct,
                             String address, String sourceName, String sourceSha256, ProtocolStatus status,
                             Rejection rejection, List<FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                             int version, PageTurn turn, FieldStatus precinctStatus, Double precinctConfidence,
                             List<ReviewReason> precinctReasons, List<Page> morePages, Map<String, Integer> fieldPages,
                             SignatureBox signatureBox) {

    public StoredProtocol {
        precinctReasons = precinctReasons == null ? List.of() : List.copyOf(precinctReasons);
    }

    public StoredProtocol(long id, String uid, long sourceId, int pageNo, String form, String lang, String precinct,
                          String address, String sourceName, String sourceSha256, ProtocolStatus status,
                          Rejection rejection, List<FieldResult> fields, List<CheckResult> checks, List<Flag> flags,
                          int version, PageTurn turn, FieldStatus precinctStatus, Double precinctConfidence,
                          List<ReviewReason> precinctReasons) {
        this(id, uid, sourceId, pageNo, form, lang, precinct, address, sourceName, sourceSha256, status, rejection, fields,
                checks, flags, version, turn, precinctStatus, precinctConfidence, precinctReasons, new ArrayList<>(),
                new HashMap<>(), null);
    }

    /** The signature block on page {@code page} of the protocol's pages (0 its own). */
    public record SignatureBox(int x, int y, int width, int height, int page) {
    }

    /** Another page the protocol was read from. */
    public record Page(long sourceId, int pageNo, String sourceName, String sourceSha256) {
    }

    /** The files it was read from, each once, its own first. */
    public List<Page> sources() {
        List<Page> all = new ArrayList<>();
        all.add(new Page(sourceId, pageNo, sourceName, sourceSha256));
        for (Page p : morePages) {
            if (all.stream().noneMatch(a -> a.sourceId() == p.sourceId())) {
                all.add(p);
            }
        }
        return all;
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
