package kz.hattama.export;

import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kz.hattama.export.Samples.consistent;
import static kz.hattama.export.Samples.figures;
import static kz.hattama.store.Protocols.bytes;
import static kz.hattama.store.Protocols.sha256;

/**
 * Records the job does store but that lack what the outputs lean on: a precinct number not read (or read as nothing
 * but «№»), no address, no language or one the form does not know, figures missing, no figures at all, checks and
 * flags stored without their text; and rejected files (a damaged file, one that failed on our side, a copy sent
 * again). Every output must carry them, not stop at the first.
 */
public final class OddRecords {

    /** The file names, which the tests find the records by. */
    public static final String PRECINCT_NOT_READ = "precinct-not-read.jpg";
    public static final String HEADER_NOT_READ = "header-not-read.jpg";
    public static final String BLANK_PRECINCT = "blank-precinct.jpg";
    public static final String SOME_FIGURES_MISSING = "some-figures-missing.jpg";
    public static final String NO_FIGURES = "no-figures.jpg";
    public static final String CORRUPT = "corrupt.jpg";
    public static final String INTERNAL_ERROR = "internal-error.jpg";
    public static final String SENT_AGAIN = "corrupt (1).jpg";

    /** How many records {@link #store} adds. */
    public static final int COUNT = 8;

    private OddRecords() {
    }

    /** Stores the odd records as files {@code firstSeq} … of job 1. */
    public static void store(Stores store, int firstSeq) {
        int seq = firstSeq;
        // Counted in Семей by its printed address, though its number was not read.
        Samples.read(store, seq++, PRECINCT_NOT_READ, "odd: precinct not read", Samples.perfect(null,
                "г. Семей, ул. Абая 9", consistent(600, 500, 4, 60, 300, 30, 20, 6), Map.of(), false));
        Samples.read(store, seq++, HEADER_NOT_READ, "odd: header not read", headerNotRead());
        Samples.read(store, seq++, BLANK_PRECINCT, "odd: blank precinct", Samples.perfect(" № ",
                "Орал қаласы, Достық даңғылы 5", consistent(900, 700, 5, 95, 400, 60, 30, 10), Map.of(), false));
        Samples.read(store, seq++, SOME_FIGURES_MISSING, "odd: some figures missing", someFiguresMissing());
        Samples.read(store, seq++, NO_FIGURES, "odd: no figures", noFigures());
        Samples.reject(store, seq++, CORRUPT, "odd: damaged file", RejectionCode.CORRUPT_FILE);
        Samples.reject(store, seq++, INTERNAL_ERROR, "odd: failed on our side", RejectionCode.INTERNAL_ERROR);
        byte[] again = bytes("odd: damaged file");
        store.intake().addSource(1, seq, SENT_AGAIN, again, sha256(again), "image/jpeg");
    }

    /**
     * No precinct, address or language; the votes do not add up, and that check and a flag were stored without
     * their text.
     */
    private static ProtocolResult headerNotRead() {
        ProtocolResult p = Samples.perfect(null, null,
                figures(1000, 800, 600, 600, 0, 100, 411, 50, 30, 7, 9, 200), Map.of(), false);
        List<CheckResult> checks = p.checks().stream()
                .map(c -> c.passed() ? c : new CheckResult(c.id(), false, null, c.field())).toList();
        return new ProtocolResult(p.form(), null, null, null, p.fields(), checks, List.of(new Flag("turnout_over_70", null)),
                ProtocolStatus.NEEDS_REVIEW, FieldStatus.NEEDS_REVIEW, null, null);
    }

    /** Voters and a party's votes not read at all. */
    private static ProtocolResult someFiguresMissing() {
        ProtocolResult p = Samples.perfect("77", "г. Семей, ул. Кутжанова 3",
                consistent(800, 700, 3, 50, 350, 40, 30, 7), Map.of(), false);
        Map<String, FieldResult> fields = new LinkedHashMap<>(p.fields());
        for (String key : List.of("voters_total", "party_3")) {
            fields.put(key, new FieldResult(key, null, null, null, null, null, 0, FieldStatus.NEEDS_REVIEW,
                    List.of(ReviewReason.of(ReviewReason.Code.NOT_READ)), null));
        }
        return new ProtocolResult(p.form(), "kk", p.precinct(), p.address(), fields, p.checks(), p.flags(),
                ProtocolStatus.NEEDS_REVIEW, p.precinctStatus(), p.precinctConfidence(), p.precinctReasons());
    }

    /** A page stored without a single figure, in a language the form has no labels for, one check failed. */
    private static ProtocolResult noFigures() {
        return new ProtocolResult(Protocols.FORM.id(), "en", "78", null, Map.of(), List.of(new CheckResult("votes_balance", false, null)), List.of(),
                ProtocolStatus.NEEDS_REVIEW, FieldStatus.VERIFIED, 1.0, null);
    }

    /** The export id of a stored odd record, from its file's content as {@link #store} wrote it. */
    public static String id(String file) {
        String content = switch (file) {
            case PRECINCT_NOT_READ -> "odd: precinct not read";
            case HEADER_NOT_READ -> "odd: header not read";
            case BLANK_PRECINCT -> "odd: blank precinct";
            case SOME_FIGURES_MISSING -> "odd: some figures missing";
            case NO_FIGURES -> "odd: no figures";
            default -> throw new IllegalArgumentException("no read record " + file);
        };
        return sha256(content.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-1";
    }
}
