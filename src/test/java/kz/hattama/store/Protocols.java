package kz.hattama.store;

import kz.hattama.protocol.ReviewReason;
import kz.hattama.form.CheckDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.protocol.Box;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Protocols as the reconciler would hand them over, for tests of what is stored and exported. */
public final class Protocols {

    public static final FormDefinition FORM = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));

    private Protocols() {
    }

    /** A fully agreeing, clean Russian protocol: every field and check VERIFIED. */
    public static ProtocolResult verified() {
        Map<String, FieldResult> fields = new LinkedHashMap<>();
        Object[][] rows = {
                {"voters_total", 2170, "две тысячи сто семьдесят"},
                {"ballots_received", 1900, "одна тысяча девятьсот"},
                {"ballots_issued", 1500, "одна тысяча пятьсот"},
                {"voters_participated", 1490, "одна тысяча четыреста девяносто"},
                {"voted_outside", 40, "сорок"},
                {"party_1", 100, "сто"},
                {"party_2", 900, "девятьсот"},
                {"party_3", 200, "двести"},
                {"party_4", 150, "сто пятьдесят"},
                {"party_5", 120, "сто двадцать"},
                {"ballots_invalid", 20, "двадцать"},
                {"ballots_unused", 400, "четыреста"}};
        for (int i = 0; i < rows.length; i++) {
            String key = (String) rows[i][0];
            int n = (Integer) rows[i][1];
            fields.put(key, new FieldResult(key, n, n, n, Integer.toString(n), (String) rows[i][2], 0.99,
                    FieldStatus.VERIFIED, null, new Box(1200, 400 + 60 * i, 300, 48)));
        }
        return new ProtocolResult(FORM.id(), "ru", "237", "г. Семей, ул. Бегалина 6, школа № 12", fields,
                checks(fields), List.of(), ProtocolStatus.VERIFIED, FieldStatus.VERIFIED, 0.98, null);
    }

    /**
     * A Kazakh protocol whose party_1 was read 58 in digits and 68 in words: the words match fails for it, the votes
     * do not balance, and the turnout is flagged.
     */
    public static ProtocolResult needsReview() {
        return needsReview("39");
    }

    /** {@link #needsReview()} from another precinct, for a test that must not meet other tests' protocols of 39. */
    public static ProtocolResult needsReview(String precinct) {
        Map<String, FieldResult> fields = new LinkedHashMap<>();
        Object[][] rows = {
                {"voters_total", 1000, 1000, "бір мың"},
                {"ballots_received", 900, 900, "тоғыз жүз"},
                {"ballots_issued", 800, 800, "сегіз жүз"},
                {"voters_participated", 790, 790, "жеті жүз тоқсан"},
                {"voted_outside", 30, 30, "отыз"},
                {"party_1", 58, 68, "алпыс сегіз"},
                {"party_2", 500, 500, "бес жүз"},
                {"party_3", 100, 100, "жүз"},
                {"party_4", 50, 50, "елу"},
                {"party_5", 60, 60, "алпыс"},
                {"ballots_invalid", 12, 12, "он екі"},
                {"ballots_unused", 100, null, null}};
        CheckDef votes = FORM.checks().stream().filter(c -> c.id().equals("votes_balance")).findFirst().orElseThrow();
        for (Object[] row : rows) {
            String key = (String) row[0];
            Integer digits = (Integer) row[1];
            Integer words = (Integer) row[2];
            boolean agree = digits.equals(words);
            String reason = !agree ? (words == null ? "words not read" : "digits and words differ")
                    : votes.involves(key) ? "votes_balance fails" : null;
            fields.put(key, new FieldResult(key, digits, digits, words, digits.toString(), (String) row[3],
                    agree ? 0.93 : 0.41, reason == null ? FieldStatus.VERIFIED : FieldStatus.NEEDS_REVIEW,
                    reason == null ? List.of() : List.of(ReviewReason.note(reason)), null));
        }
        return new ProtocolResult(FORM.id(), "kk", precinct, "Семей қ., Абай к-сі 1", fields, checks(fields),
                List.of(new Flag("turnout_over_70", "turnout 79.0 %")), ProtocolStatus.NEEDS_REVIEW,
                FieldStatus.VERIFIED, 0.97, null);
    }

    /** The form's relations on the digits, then one words match per field, as the reconciler lists them. */
    public static List<CheckResult> checks(Map<String, FieldResult> fields) {
        List<CheckResult> checks = new ArrayList<>();
        for (CheckDef c : FORM.relations()) {
            long left = c.left().stream().mapToLong(k -> fields.get(k).digits()).sum();
            long right = c.right().stream().mapToLong(k -> fields.get(k).digits()).sum();
            boolean holds = c.holds(left, right);
            String detail = side(c.left(), fields) + " " + (holds ? c.op().replace("<=", "≤") : c.failedSymbol())
                    + " " + side(c.right(), fields);
            checks.add(new CheckResult(c.id(), holds, detail));
        }
        for (FieldResult f : fields.values()) {
            boolean same = f.digits().equals(f.words());
            checks.add(CheckResult.wordsMatch(f.key(), same,
                    f.digits() + (same ? " = " : " ≠ ") + (f.words() == null ? "?" : f.words())));
        }
        return checks;
    }

    private static String side(List<String> keys, Map<String, FieldResult> fields) {
        return keys.stream().map(k -> fields.get(k).digits().toString()).collect(Collectors.joining(" + "));
    }

    public static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
