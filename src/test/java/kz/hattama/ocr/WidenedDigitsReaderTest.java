package kz.hattama.ocr;

import java.nio.file.Path;
import kz.hattama.store.Protocols;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fixtures: digits zones of a condensed hand cut from a protocol generated with seed 101 (not the
 * dev set, not a reserved font), named by the figure written.
 */
class WidenedDigitsReaderTest {

    private final ModelDigitsReader model = new ModelDigitsReader(new DigitReader(), Protocols.FORM.maxDigits());

    private static String top(DigitsZoneReader.Reading r) {
        return r.candidates().isEmpty() ? "" : String.valueOf(r.candidates().get(0).value());
    }

    @Test
    void aCondensedHandIsReadWidenedWhereItIsMisreadAsWritten() throws Exception {
        WidenedDigitsReader widened = new WidenedDigitsReader(model, 1.6);
        List<String> asWritten = new ArrayList<>();
        List<String> wide = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (Path p : Fixtures.crops("digits-condensed")) {
            Mat zone = Fixtures.grey(p);
            truth.add(Fixtures.truth(p));
            asWritten.add(top(model.read(zone)));
            wide.add(top(widened.read(zone)));
        }
        long rightAsWritten = count(asWritten, truth);
        long rightWide = count(wide, truth);
        assertThat(rightWide >= truth.size() - 1).as("widened " + wide + " for " + truth).isTrue();
        assertThat(rightWide > rightAsWritten).as("as written " + asWritten + ", widened " + wide + " for " + truth).isTrue();
    }

    private static long count(List<String> got, List<String> truth) {
        long n = 0;
        for (int i = 0; i < truth.size(); i++) {
            n += got.get(i).equals(truth.get(i)) ? 1 : 0;
        }
        return n;
    }

    @Test
    void widensOnlySideways() throws Exception {
        Mat zone = Fixtures.grey(Fixtures.crops("digits-condensed").get(0));
        List<Mat> seen = new ArrayList<>();
        new WidenedDigitsReader(z -> {
            seen.add(z.clone());
            return DigitsZoneReader.Reading.NONE;
        }, 1.6).read(zone);
        assertThat(seen.get(0).rows()).isEqualTo(zone.rows());
        assertThat(seen.get(0).cols()).isEqualTo(Math.round(zone.cols() * 1.6));
    }

    @Test
    void refusesANonPositiveFactor() {
        assertThatThrownBy(() -> new WidenedDigitsReader(model, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
