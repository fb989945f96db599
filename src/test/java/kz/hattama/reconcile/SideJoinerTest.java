package kz.hattama.reconcile;

import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldReading;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.PageReading;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.protocol.SidePage;
import kz.hattama.store.Protocols;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kz.hattama.reconcile.ReconcilerTest.agreeing;
import static kz.hattama.reconcile.ReconcilerTest.clean;
import static kz.hattama.reconcile.ReconcilerTest.sure;
import static org.assertj.core.api.Assertions.assertThat;

public class SideJoinerTest {

    private final SideJoiner joiner = new SideJoiner(Protocols.FORM, new PrecinctJudge(0.9));
    private final Reconciler reconciler = new Reconciler(Protocols.FORM, 0.9, 0.9, 0.1, 0.999);

    /** One side of a clean protocol of {@code precinct}, as the recognizer reads it; signed when it is side 2. */
    public static PageReading side(int side, String precinct, boolean signed) {
        PageReading whole = agreeing(clean());
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        whole.fields().forEach((k, f) -> {
            if (Protocols.FORM.layout().sideOf(k) == side) {
                fields.put(k, f);
            }
        });
        List<PrecinctLook> looks = precinct == null ? List.of() : sure(precinct);
        List<Boolean> signatures = side == 2 ? List.of(signed, true, signed, true, true, false) : null;
        return new PageReading(side == 1 ? "ru" : "kk", looks, side == 1 ? "г. Семей" : null, fields, List.of(side), signatures);
    }

    private static SidePage page(long id, int position, PageReading reading) {
        return new SidePage(id, id, 1, position, reading);
    }

    @Test
    void sidesNextToEachOtherJoinInEitherOrder() {
        List<List<SidePage>> groups = joiner.pair(List.of(
                page(1, 1, side(1, "237", true)), page(2, 2, side(2, "237", true)),
                page(3, 4, side(2, "238", true)), page(4, 5, side(1, "238", true))));

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).extracting(SidePage::id).containsExactly(1L, 2L);
        // The back photographed first: the protocol is still filed under its first side.
        assertThat(groups.get(1)).extracting(SidePage::id).containsExactly(4L, 3L);
    }

    @Test
    void sidesWhoseNumbersWereBothReadSurelyAndDifferAreNeverJoined() {
        List<List<SidePage>> groups = joiner.pair(List.of(page(1, 1, side(1, "237", true)), page(2, 2, side(2, "238", true))));

        assertThat(groups).extracting(List::size).containsExactly(1, 1);
    }

    @Test
    void aSideWithAnUnreadNumberJoinsTheSideNextToItButNotOneFurtherOff() {
        assertThat(joiner.pair(List.of(page(1, 1, side(1, "237", true)), page(2, 2, side(2, null, true)))))
                .hasSize(1);
        // A whole page (position 2) lies between them: nothing says they belong together.
        assertThat(joiner.pair(List.of(page(1, 1, side(1, "237", true)), page(2, 3, side(2, null, true)))))
                .hasSize(2);
    }

    @Test
    void sidesOfTheSameSureNumberJoinAcrossTheUpload() {
        List<List<SidePage>> groups = joiner.pair(List.of(page(1, 1, side(1, "237", true)),
                page(2, 2, side(1, "500", true)), page(3, 5, side(2, "237", true))));

        assertThat(groups).hasSize(2);
        assertThat(groups).anySatisfy(g -> assertThat(g).extracting(SidePage::id).containsExactly(1L, 3L));
    }

    @Test
    void twoSidesJoinedReadAsOneProtocolWithEveryFigure() {
        List<PageReading> sides = List.of(side(1, "237", true), side(2, "237", true));
        ProtocolResult p = reconciler.reconcile(joiner.join(sides));

        assertThat(p.status()).isEqualTo(kz.hattama.protocol.ProtocolStatus.VERIFIED);
        assertThat(p.fields().values()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FieldStatus.VERIFIED));
        assertThat(p.precinct()).isEqualTo("237");
        assertThat(p.address()).isEqualTo("г. Семей");
        assertThat(p.lang()).isEqualTo("ru");
        assertThat(check(p, "pages_complete").passed()).isTrue();
        assertThat(check(p, "signed").passed()).isTrue();
        assertThat(joiner.pageOf(sides)).containsEntry("voters_total", 0).containsEntry("party_1", 1)
                .containsEntry("ballots_unused", 1);
    }

    @Test
    void aMissingSideLeavesItsFiguresNullAndNeverVerified() {
        ProtocolResult p = reconciler.reconcile(side(1, "237", true));

        assertThat(check(p, "pages_complete").passed()).isFalse();
        assertThat(check(p, "pages_complete").detail()).isEqualTo("side 2 missing");
        // The signatures are on the missing side: there is nothing to judge.
        assertThat(p.checks()).extracting(CheckResult::id).doesNotContain("signed");
        FieldResult party = p.fields().get("party_1");
        assertThat(party.value()).isNull();
        assertThat(party.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(party.reasons()).containsExactly(ReviewReason.of(ReviewReason.Code.SIDE_MISSING, 2));
        assertThat(p.fields().get("voters_total").status()).isEqualTo(FieldStatus.VERIFIED);
        assertThat(p.status()).isEqualTo(kz.hattama.protocol.ProtocolStatus.NEEDS_REVIEW);
    }

    @Test
    void aRequiredSignatureLineLeftEmptyFailsSignedButNoFigure() {
        ProtocolResult p = reconciler.reconcile(joiner.join(List.of(side(1, "237", true), side(2, "237", false))));

        assertThat(check(p, "signed").passed()).isFalse();
        assertThat(check(p, "signed").detail()).contains("Chairman of the commission", "Secretary of the commission");
        assertThat(p.fields().values()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FieldStatus.VERIFIED));
        assertThat(p.status()).isEqualTo(kz.hattama.protocol.ProtocolStatus.NEEDS_REVIEW);
    }

    @Test
    void signatureLinesNotFoundCannotBeCheckedAndSaySo() {
        PageReading noRules = new PageReading("ru", sure("237"), "г. Семей", agreeing(clean()).fields(), List.of(),
                List.of());
        CheckResult signed = check(reconciler.reconcile(noRules), "signed");

        assertThat(signed.passed()).isFalse();
        assertThat(signed.detail()).startsWith("cannot check");
    }

    private static CheckResult check(ProtocolResult p, String id) {
        return new ArrayList<>(p.checks()).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
