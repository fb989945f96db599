package kz.hattama.export;

import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.reconcile.Relations;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kz.hattama.store.Protocols.FORM;
import static kz.hattama.store.Protocols.bytes;
import static kz.hattama.store.Protocols.sha256;

/** Protocols stored the way the job stores them, without reading any picture: for export and statistics tests. */
public final class Samples {

    private Samples() {
    }

    /** Stores {@code content} as an uploaded file read as {@code protocol} on page 1; returns the source id. */
    public static long read(Stores store, int seq, String name, byte[] content, ProtocolResult protocol) {
        long id = store.intake().addSource(1, seq, name, content, sha256(content), "image/jpeg");
        store.outcomes().saveOutcome(id, List.of(PageOutcome.read(1, protocol)));
        return id;
    }

    public static long read(Stores store, int seq, String name, String content, ProtocolResult protocol) {
        return read(store, seq, name, bytes(content), protocol);
    }

    public static void reject(Stores store, int seq, String name, String content, RejectionCode code) {
        byte[] b = bytes(content);
        store.outcomes().rejectSource(store.intake().addSource(1, seq, name, b, sha256(b), "application/octet-stream"), Rejection.of(code));
    }

    /**
     * A protocol read without a doubt: each figure in digits as in {@code values}, in words as in {@code words}
     * where given (a planted disagreement) or the same, checks and flags computed as the reconciler computes them.
     * VERIFIED when every check holds, else NEEDS_REVIEW; {@code reviewed} makes it REVIEWED either way.
     */
    public static ProtocolResult perfect(String precinct, String address, Map<String, Integer> values,
                                         Map<String, Integer> words, boolean reviewed) {
        Map<String, FieldResult> fields = new LinkedHashMap<>();
        for (String key : FORM.keys()) {
            Integer v = values.get(key);
            Integer w = words.getOrDefault(key, v);
            fields.put(key, new FieldResult(key, v, v, w, String.valueOf(v), null, 0.97, FieldStatus.VERIFIED, null, null));
        }
        List<CheckResult> checks = Protocols.checks(fields);
        boolean clean = checks.stream().allMatch(CheckResult::passed);
        ProtocolStatus status = reviewed ? ProtocolStatus.REVIEWED : clean ? ProtocolStatus.VERIFIED : ProtocolStatus.NEEDS_REVIEW;
        if (!clean || reviewed) {
            FieldStatus fieldStatus = reviewed ? FieldStatus.REVIEWED : FieldStatus.NEEDS_REVIEW;
            fields.replaceAll((k, f) -> new FieldResult(k, f.value(), f.digits(), f.words(), f.digitsText(), null,
                    f.confidence(), fieldStatus, reviewed ? List.of() : List.of(ReviewReason.note("a check fails")), null));
        }
        return new ProtocolResult(FORM.id(), "ru", precinct, address, fields, checks, flags(values), status,
                reviewed ? FieldStatus.REVIEWED : FieldStatus.VERIFIED, 0.98, null);
    }

    private static List<Flag> flags(Map<String, Integer> values) {
        return new Relations(FORM).flags(values);
    }

    /**
     * Figures in form order: voters_total, ballots_received, ballots_issued, voters_participated, voted_outside,
     * party_1 … party_5, ballots_invalid, ballots_unused.
     */
    public static Map<String, Integer> figures(int... v) {
        if (v.length != FORM.keys().size()) {
            throw new IllegalArgumentException("need " + FORM.keys().size() + " figures");
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            values.put(FORM.keys().get(i), v[i]);
        }
        return values;
    }

    /**
     * Consistent figures: the ballots balance (unused = received − issued), everyone who got a ballot voted, and the
     * parties and invalid ballots add up to the participants.
     */
    public static Map<String, Integer> consistent(int votersTotal, int received, int invalid, int... parties) {
        int participated = invalid;
        for (int p : parties) {
            participated += p;
        }
        int[] v = new int[12];
        v[0] = votersTotal;
        v[1] = received;
        v[2] = participated;
        v[3] = participated;
        v[4] = 0;
        System.arraycopy(parties, 0, v, 5, 5);
        v[10] = invalid;
        v[11] = received - participated;
        return figures(v);
    }
}
