package kz.hattama.reconcile;

import kz.hattama.config.HattamaProperties;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.protocol.PrecinctResult;
import kz.hattama.protocol.ReviewReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static kz.hattama.reconcile.ReconcilerTest.look;
import static kz.hattama.reconcile.ReconcilerTest.sure;
import static org.assertj.core.api.Assertions.assertThat;

class PrecinctJudgeTest {

    final PrecinctJudge judge = new PrecinctJudge(HattamaProperties.DEFAULT_VERIFY_PRECINCT);

    @Test
    void fourLooksThatAgreeWithConfidenceAreVerified() {
        PrecinctResult r = judge.judge(sure("463"));
        assertThat(r.value()).isEqualTo("463");
        assertThat(r.status()).isEqualTo(FieldStatus.VERIFIED);
        assertThat(r.confidence()).isGreaterThan(0.95);
        assertThat(ReviewReason.english(r.reasons())).isNull();
    }

    /** The hard-capture case: a seal over the header, and one look takes the decree's 29 for the precinct. */
    @Test
    void oneLookThatDisagreesSendsTheNumberToAPerson() {
        PrecinctResult r = judge.judge(List.of(look("header-text", "29", 0.96), look("header-line", "463", 0.95),
                look("number-tesseract", "463", 0.97), look("number-model", "463", 0.99)));
        assertThat(r.value()).isEqualTo("463");
        assertThat(r.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(r.reasons())).isEqualTo("precinct readings disagree: 463 ≠ 29 (header-text)");
        assertThat(r.confidence()).isLessThan(HattamaProperties.DEFAULT_VERIFY_PRECINCT);
    }

    @Test
    void aLookThatReadNothingIsNoAgreement() {
        PrecinctResult r = judge.judge(List.of(look("header-text", "463", 0.96), look("header-line", "463", 0.95),
                PrecinctLook.nothing(PrecinctLook.Origin.HEADER, "number-tesseract"), look("number-model", "463", 0.99)));
        assertThat(r.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(r.reasons())).isEqualTo("precinct not read by number-tesseract");
    }

    @Test
    void aNumberNoLookReadIsNullAndNeedsReview() {
        PrecinctResult r = judge.judge(List.of(PrecinctLook.nothing(PrecinctLook.Origin.HEADER, "header-text"),
                PrecinctLook.nothing(PrecinctLook.Origin.HEADER, "number-model")));
        assertThat(r.value()).isNull();
        assertThat(r.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(r.reasons())).isEqualTo("precinct not read");
        assertThat(judge.judge(List.of()).status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
    }

    @Test
    void aFigureAwayFromTheFormsWordsIsNotThePrecinctsHoweverClear() {
        List<PrecinctLook> unanchored = sure("12").stream()
                .map(l -> new PrecinctLook(l.origin(), l.reader(), l.value(), l.confidence(), false)).toList();
        PrecinctResult r = judge.judge(unanchored);
        assertThat(r.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(r.reasons())).isEqualTo("precinct number not found beside the form's words");
    }

    @Test
    void agreementOnAnImplausibleNumberOrWithLittleConfidenceOrTooFewLooksIsNotEnough() {
        assertThat(ReviewReason.english(judge.judge(sure("123456")).reasons())).isEqualTo("implausible precinct number 123456");
        assertThat(judge.judge(List.of(look("header-text", "463", 0.6), look("header-line", "463", 0.5),
                look("number-tesseract", "463", 0.7), look("number-model", "463", 0.8))).reasons())
                .extracting(ReviewReason::code).containsExactly(ReviewReason.Code.PRECINCT_LOW_CONFIDENCE);
        assertThat(ReviewReason.english(judge.judge(sure("463").subList(0, 2)).reasons())).isEqualTo("precinct read too few times (2)");
    }

    /** Ink beside the figure (a seal, a stain) may hide a digit every look missed alike: 463 read 63 four times. */
    @Test
    void agreementOnANumberWithInkBesideItIsNotEnough() {
        List<PrecinctLook> stained = sure("63").stream()
                .map(l -> new PrecinctLook(l.origin(), l.reader(), l.value(), l.confidence(), true, false)).toList();
        PrecinctResult r = judge.judge(stained);
        assertThat(r.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(r.reasons())).isEqualTo("ink beside the precinct number");
    }

    /** The later side 2 and seal readers add looks of other origins: they must agree with the header's too. */
    @Test
    void looksFromEveryPlaceTheNumberIsPrintedMustAgree() {
        List<PrecinctLook> looks = new java.util.ArrayList<>(sure("463"));
        looks.add(new PrecinctLook(PrecinctLook.Origin.RUNNING_HEAD, "running-head", "468", 0.97, true));
        assertThat(judge.judge(looks).status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        looks.set(4, new PrecinctLook(PrecinctLook.Origin.RUNNING_HEAD, "running-head", "463", 0.97, true));
        assertThat(judge.judge(looks).status()).isEqualTo(FieldStatus.VERIFIED);
    }
}
