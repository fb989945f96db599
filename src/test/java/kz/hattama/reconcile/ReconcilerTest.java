package kz.hattama.reconcile;

import kz.hattama.config.HattamaProperties;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.protocol.Box;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldReading;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.NumberCandidate;
import kz.hattama.protocol.PageReading;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {

    static final FormDefinition FORM = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));
    final Reconciler reconciler = new Reconciler(FORM, 0.9, 0.9, 0.1, 0.999);

    /** A clean protocol: every relation holds. */
    static Map<String, Integer> clean() {
        Map<String, Integer> v = new LinkedHashMap<>();
        v.put("voters_total", 2170);
        v.put("ballots_received", 1896);
        v.put("ballots_issued", 1500);
        v.put("voters_participated", 1498);
        v.put("voted_outside", 40);
        v.put("party_1", 100);
        v.put("party_2", 900);
        v.put("party_3", 200);
        v.put("party_4", 150);
        v.put("party_5", 140);
        v.put("ballots_invalid", 8);
        v.put("ballots_unused", 396);
        return v;
    }

    /** Four looks at the header's number that agree with confidence, as on a clean scan. */
    static List<PrecinctLook> sure(String precinct) {
        return List.of(look("header-text", precinct, 0.96), look("header-line", precinct, 0.95),
                look("number-tesseract", precinct, 0.97), look("number-model", precinct, 0.99));
    }

    static PrecinctLook look(String reader, String value, double confidence) {
        return new PrecinctLook(PrecinctLook.Origin.HEADER, reader, value, confidence, true);
    }

    static PageReading agreeing(Map<String, Integer> values) {
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        values.forEach((k, v) -> fields.put(k, new FieldReading(k, List.of(new NumberCandidate(v, 0.99)),
                List.of(new NumberCandidate(v, 0.98)), String.valueOf(v), "words of " + v, new Box(0, 0, 10, 10))));
        return new PageReading("ru", sure("237"), "г. Семей", fields);
    }

    @Test
    void anUnsurePrecinctKeepsAnOtherwiseCleanProtocolInReview() {
        PageReading clean = agreeing(clean());
        List<PrecinctLook> disagreeing = List.of(look("header-text", "29", 0.96), look("header-line", "463", 0.95),
                look("number-tesseract", "463", 0.97), look("number-model", "463", 0.99));
        ProtocolResult r = reconciler.reconcile(new PageReading(clean.lang(), disagreeing, clean.address(), clean.fields()));
        assertThat(r.fields().values()).allMatch(f -> f.status() == FieldStatus.VERIFIED);
        assertThat(r.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
        assertThat(r.precinct()).isEqualTo("463");
        assertThat(r.precinctStatus()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(r.precinctReasons())).isEqualTo("precinct readings disagree: 463 ≠ 29 (header-text)");

        ProtocolResult unread = reconciler.reconcile(new PageReading(clean.lang(), List.of(), clean.address(), clean.fields()));
        assertThat(unread.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
        assertThat(unread.precinct()).isNull();

        ProtocolResult sure = reconciler.reconcile(clean);
        assertThat(sure.status()).isEqualTo(ProtocolStatus.VERIFIED);
        assertThat(sure.precinctStatus()).isEqualTo(FieldStatus.VERIFIED);
        assertThat(sure.precinctConfidence()).isGreaterThan(0.95);
    }

    @Test
    void cleanProtocolReadConfidentlyIsVerified() {
        ProtocolResult r = reconciler.reconcile(agreeing(clean()));
        assertThat(r.status()).isEqualTo(ProtocolStatus.VERIFIED);
        assertThat(r.failedChecks()).isEmpty();
        assertThat(r.fields().values()).allMatch(f -> f.status() == FieldStatus.VERIFIED && f.confidence() > 0.99);
        assertThat(r.checks()).extracting(CheckResult::id).contains("ballots_balance", "participated_le_issued",
                "votes_balance", "issued_le_voters", "outside_le_participated", "words_match");
    }

    @ParameterizedTest
    @CsvSource({
            "ballots_balance, ballots_unused, 397, 1896 ≠ 1500 + 397",
            "participated_le_issued, ballots_issued, 1497, 1498 > 1497",
            "votes_balance, party_2, 950, 1548 (100 + 950 + 200 + 150 + 140 + 8) ≠ 1498",
            "issued_le_voters, voters_total, 1400, 1500 > 1400",
            "outside_le_participated, voted_outside, 1600, 1600 > 1498",
    })
    void eachRelationFailsWhenBrokenOnPaperAndIsReportedAsRead(String check, String field, int value, String detail) {
        Map<String, Integer> v = clean();
        v.put(field, value);
        ProtocolResult r = reconciler.reconcile(agreeing(v));
        assertThat(r.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
        assertThat(r.failedChecks()).extracting(CheckResult::id).contains(check);
        assertThat(r.failedChecks()).filteredOn(c -> c.id().equals(check)).extracting(CheckResult::detail).containsExactly(detail);
        // Digits and words agree: the figure stays as written, never bent to fit.
        assertThat(r.fields().get(field).value()).isEqualTo(value);
        assertThat(r.fields().get(field).status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(r.fields().get(field).reasons())).contains("failed check " + check);
    }

    @Test
    void eachRelationPassesOnTheCleanProtocol() {
        ProtocolResult r = reconciler.reconcile(agreeing(clean()));
        assertThat(r.checks()).filteredOn(c -> !c.id().equals("words_match") && !c.id().equals("pages_complete"))
                .extracting(CheckResult::id, CheckResult::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ballots_balance", true),
                        org.assertj.core.groups.Tuple.tuple("participated_le_issued", true),
                        org.assertj.core.groups.Tuple.tuple("votes_balance", true),
                        org.assertj.core.groups.Tuple.tuple("issued_le_voters", true),
                        org.assertj.core.groups.Tuple.tuple("outside_le_participated", true));
    }

    @Test
    void wordsThatDisagreeWithDigitsAreAFailedCheckAndTheDigitsStayTheValue() {
        PageReading page = agreeing(clean());
        page.fields().put("party_1", new FieldReading("party_1", List.of(new NumberCandidate(100, 0.99)),
                List.of(new NumberCandidate(110, 0.97)), "100", "сто десять", null));
        ProtocolResult r = reconciler.reconcile(page);
        FieldResult f = r.fields().get("party_1");
        assertThat(f.value()).isEqualTo(100);
        assertThat(f.digits()).isEqualTo(100);
        assertThat(f.words()).isEqualTo(110);
        assertThat(f.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(f.reasons())).contains("digits ≠ words");
        assertThat(r.failedChecks()).extracting(CheckResult::id).containsExactly("words_match");
    }

    /** The words read surer than the digits, and both figures fit every relation: still the digits are the value. */
    @Test
    void whenBothReadersAreSureAndDifferTheDigitsAreTheValueWhateverTheWordsSay() {
        PageReading page = agreeing(clean());
        page.fields().put("voted_outside", new FieldReading("voted_outside",
                List.of(new NumberCandidate(26, 0.968), new NumberCandidate(36, 0.0015)),
                List.of(new NumberCandidate(36, 0.94), new NumberCandidate(26, 0.0009)), "26", "тридцать шесть", null));
        ProtocolResult r = reconciler.reconcile(page);
        FieldResult f = r.fields().get("voted_outside");
        assertThat(f.value()).isEqualTo(26);
        assertThat(f.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(r.failedChecks()).extracting(CheckResult::id).containsExactly("words_match");
    }

    @Test
    void anUncertainDigitReadingIsSettledByTheWordsAndTheChecksButStillReviewed() {
        PageReading page = agreeing(clean());
        // The digits reader saw 160 first, 100 second; the words say 100; the votes balance with 100.
        page.fields().put("party_1", new FieldReading("party_1",
                List.of(new NumberCandidate(160, 0.55), new NumberCandidate(100, 0.40)),
                List.of(new NumberCandidate(100, 0.60)), "160", "сто", null));
        ProtocolResult r = reconciler.reconcile(page);
        assertThat(r.fields().get("party_1").value()).isEqualTo(100);
        assertThat(r.fields().get("party_1").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(r.failedChecks()).isEmpty();
        assertThat(r.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
    }

    @Test
    void anUnreadableZoneLeavesTheValueNullAndItsChecksUncheckable() {
        PageReading page = agreeing(clean());
        page.fields().put("ballots_unused", new FieldReading("ballots_unused", List.of(), List.of(), "", "", null));
        ProtocolResult r = reconciler.reconcile(page);
        FieldResult f = r.fields().get("ballots_unused");
        assertThat(f.value()).isNull();
        assertThat(ReviewReason.english(f.reasons())).contains("unreadable zone");
        assertThat(r.checks()).filteredOn(c -> c.id().equals("ballots_balance"))
                .extracting(CheckResult::detail).containsExactly("cannot check: ballots_unused unread");
    }

    @Test
    void highTurnoutIsAFlagNotAFailedCheck() {
        Map<String, Integer> v = clean();
        v.put("voters_total", 1600);
        ProtocolResult r = reconciler.reconcile(agreeing(v));
        assertThat(r.flags()).extracting(Flag::id, Flag::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("turnout_over_70", "turnout 93.6 %"));
        assertThat(r.failedChecks()).isEmpty();
        assertThat(r.status()).isEqualTo(ProtocolStatus.VERIFIED);
    }

    /** The defaults' bars: a reading at 0.5 passes for the digits, at 0.3 not for the words without the check. */
    final Reconciler usual = new Reconciler(FORM, 0.2, 0.2, 0.1, 0.999);

    /** The clean protocol with party_2 read unsurely but alike by both readers, and the words asked about 900. */
    private static PageReading unsureParty2(double wordsCheck) {
        Map<String, FieldReading> fields = new LinkedHashMap<>(agreeing(clean()).fields());
        fields.put("party_2", new FieldReading("party_2", List.of(new NumberCandidate(900, 0.5)),
                List.of(new NumberCandidate(900, 0.3)), "900", "девтсот", new Box(0, 0, 10, 10),
                wordsCheck));
        return new PageReading("ru", sure("237"), "г. Семей", fields);
    }

    @Test
    void aRoughWordsReadingIsVerifiedWhenTheWordsCheckStronglyPrefersTheDigitsFigure() {
        FieldResult f = usual.reconcile(unsureParty2(0.9995)).fields().get("party_2");
        assertThat(f.status()).isEqualTo(FieldStatus.VERIFIED);
        assertThat(f.value()).isEqualTo(900);
    }

    @Test
    void aWordsCheckBelowTheBarLeavesTheFieldForReview() {
        ProtocolResult r = usual.reconcile(unsureParty2(0.99));
        FieldResult f = r.fields().get("party_2");
        assertThat(f.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(f.reasons()).containsExactly(
                ReviewReason.of(ReviewReason.Code.LOW_CONFIDENCE_CHECKED, "0.50", "0.30", "0.990"));
        // The export's English wording of it is what it always was.
        assertThat(ReviewReason.english(f.reasons())).isEqualTo("low confidence (digits 0.50, words 0.30, words check 0.990)");
        assertThat(r.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
    }

    @Test
    void aStrongWordsCheckNeverOverridesAFailedRelation() {
        Map<String, FieldReading> fields = new LinkedHashMap<>(unsureParty2(1.0).fields());
        fields.put("party_1", new FieldReading("party_1", List.of(new NumberCandidate(110, 0.99)),
                List.of(new NumberCandidate(110, 0.98)), "110", "сто десять", new Box(0, 0, 10, 10)));
        ProtocolResult r = usual.reconcile(new PageReading("ru", sure("237"), "г. Семей", fields));
        assertThat(r.failedChecks()).extracting(CheckResult::id).contains("votes_balance");
        assertThat(r.fields().get("party_2").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(r.fields().get("party_2").value()).isEqualTo(900);
    }

    @Test
    void aStrongWordsCheckDoesNotStandInForDigitsBelowTheirBar() {
        // This reconciler wants digits at 0.9; the check speaks for the words only.
        assertThat(reconciler.reconcile(unsureParty2(1.0)).fields().get("party_2").status())
                .isEqualTo(FieldStatus.NEEDS_REVIEW);
    }

    /** The clean protocol with one field's readings as {@code agreeing} makes them, but its label anchor and words check given. */
    private static PageReading with(String key, double wordsCheck, boolean anchored) {
        Map<String, FieldReading> fields = new LinkedHashMap<>(agreeing(clean()).fields());
        FieldReading r = fields.get(key);
        fields.put(key, new FieldReading(key, r.digits(), r.words(), r.digitsText(), r.wordsText(), r.box(), wordsCheck, anchored));
        return new PageReading("ru", sure("237"), "г. Семей", fields);
    }

    @Test
    void aFieldReadWhereNoLabelWasFoundIsNeverVerified() {
        ProtocolResult r = usual.reconcile(with("ballots_issued", 1.0, false));

        FieldResult f = r.fields().get("ballots_issued");
        assertThat(f.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(f.reasons()).containsExactly(ReviewReason.of(ReviewReason.Code.NOT_ANCHORED));
        assertThat(f.value()).isEqualTo(1500);
        assertThat(r.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
        assertThat(r.failedChecks()).isEmpty();
    }

    /** Found from the form's checks: the fields that only inequalities check. */
    @Test
    void theWeaklyCheckedFieldsAreThoseInNoEqualityCheck() {
        assertThat(usual.weaklyChecked()).containsExactlyInAnyOrder("voters_total", "voted_outside");
    }

    /**
     * Line 1 read from line 2's place agrees with itself and passes «issued ≤ voters»: for such a field sure readings
     * are not enough, the words check must reach the higher bar too. A field an equality checks is VERIFIED as before.
     */
    @Test
    void aFigureOnlyInequalitiesCheckNeedsTheHigherWordsCheck() {
        Reconciler strict = new Reconciler(FORM, 0.2, 0.2, 0.1, 0.995, HattamaProperties.DEFAULT_VERIFY_PRECINCT, 0.9999);

        FieldResult weak = strict.reconcile(with("voters_total", 0.999, true)).fields().get("voters_total");
        FieldResult strong = strict.reconcile(with("ballots_issued", 0.999, true)).fields().get("ballots_issued");
        FieldResult sure = strict.reconcile(with("voters_total", 0.99999, true)).fields().get("voters_total");

        assertThat(weak.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(weak.reasons())).isEqualTo("words check 0.99900 below the bar of a figure only inequalities check");
        assertThat(strong.status()).isEqualTo(FieldStatus.VERIFIED);
        assertThat(sure.status()).isEqualTo(FieldStatus.VERIFIED);
    }
}
