package kz.hattama.layout;

import kz.hattama.form.FormDefinition;
import kz.hattama.image.PageNormalizer;
import kz.hattama.ocr.SignatureReader;
import kz.hattama.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which sides of the sheet a page shows, told by what is printed on it, and where its signature lines are: the two
 * photos of a protocol printed on both sides (generator paperwork seed 9102), a back in a hand never trained on, and a
 * one-sided scan.
 */
class SidesLayoutTest {

    private final FormDefinition form = Fixtures.form();
    private final LayoutFinder finder = new LayoutFinder();
    private final SignatureReader signatures = new SignatureReader();

    private static Mat page(String fixture) {
        return new PageNormalizer().normalize(Fixtures.read(fixture)).image();
    }

    @Test
    void theFrontHoldsTheFirstSidesLinesAndNoSignatures() {
        Layout layout = finder.find(page("paperwork/two-sided-kk-front.jpg"), form);

        assertThat(layout.sides()).containsExactly(1);
        assertThat(layout.fields().keySet()).containsExactly("voters_total", "ballots_received", "ballots_issued",
                "voters_participated", "voted_outside");
        assertThat(layout.signatures()).isEmpty();
    }

    @Test
    void theBackHoldsTheTableTheLastLinesAndEverySignatureLineSigned() {
        Mat back = page("paperwork/two-sided-kk-back.jpg");
        Layout layout = finder.find(back, form);

        assertThat(layout.sides()).containsExactly(2);
        assertThat(layout.fields().keySet()).containsExactly("party_1", "party_2", "party_3", "party_4", "party_5",
                "ballots_invalid", "ballots_unused");
        assertThat(layout.signatures()).hasSize(6);
        // The chairman's signature is a faint line running just over its rule: it still counts.
        assertThat(layout.signatures()).allSatisfy(zone -> assertThat(signatures.signed(back, zone)).isTrue());
        // Each line's zone stops short of the line above, whose signature dips under its rule.
        for (int i = 1; i < layout.signatures().size(); i++) {
            assertThat(layout.signatures().get(i).y).isGreaterThan(layout.signatures().get(i - 1).y
                    + layout.signatures().get(i - 1).height / 2);
        }
    }

    @Test
    void aLongFlatSignatureFoundAsARuleTakesNoRolesLine() {
        // The secretary signed with a long flat stroke (a held-out hand, generator paperwork seed 7006): it is found
        // as a rule too, but the printed rules all start and end alike, and it does not.
        Mat back = page("paperwork/back-flat-signature-held-out-hand.jpg");
        Layout layout = finder.find(back, form);

        assertThat(layout.signatures()).hasSize(6);
        assertThat(layout.signatures()).allSatisfy(zone -> assertThat(signatures.signed(back, zone)).isTrue());
    }

    @Test
    void aWholeFormWhoseTableIsNotFoundIsNoFirstSideAlone() {
        // The table's upright rules wiped out, as a blurred or folded photo loses them: the page still goes on with
        // the party names and lines 6 and 7 under line 4, so nobody is sent after a second side that does not exist.
        Mat scan = page("scan-typed-ru.png").clone();
        Mat ink = new Mat();
        org.opencv.imgproc.Imgproc.threshold(scan, ink, 128, 255, org.opencv.imgproc.Imgproc.THRESH_BINARY_INV);
        Mat upright = new Mat();
        org.opencv.imgproc.Imgproc.morphologyEx(ink, upright, org.opencv.imgproc.Imgproc.MORPH_OPEN,
                org.opencv.imgproc.Imgproc.getStructuringElement(org.opencv.imgproc.Imgproc.MORPH_RECT,
                        new org.opencv.core.Size(1, 60)));
        org.opencv.imgproc.Imgproc.dilate(upright, upright, org.opencv.imgproc.Imgproc.getStructuringElement(
                org.opencv.imgproc.Imgproc.MORPH_RECT, new org.opencv.core.Size(7, 7)));
        scan.setTo(new org.opencv.core.Scalar(255), upright);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> finder.find(scan, form))
                .isInstanceOf(NotAProtocolException.class).hasMessageContaining("print goes on");
    }

    @Test
    void aOneSidedPageShowsBothSidesAndItsUnsignedLinesAreEmpty() {
        // The dev set's protocols print names beside the signature lines but bear no signature.
        Mat scan = page("scan-typed-ru.png");
        Layout layout = finder.find(scan, form);

        assertThat(layout.sides()).containsExactly(1, 2);
        assertThat(layout.fields()).hasSize(12);
        assertThat(layout.signatures()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(layout.signatures()).allSatisfy(zone -> assertThat(signatures.signed(scan, zone)).isFalse());
    }
}
