package kz.hattama.ocr;

import kz.hattama.protocol.NumberCandidate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LooksTest {

    @Test
    void aValueBothLooksSawBeatsOneOnlyOneLookPutFirst() {
        List<NumberCandidate> model = List.of(new NumberCandidate(2147, 0.6), new NumberCandidate(147, 0.3));
        List<NumberCandidate> tesseract = List.of(new NumberCandidate(147, 0.7), new NumberCandidate(2147, 0.5));
        List<NumberCandidate> merged = Looks.merge(List.of(model, tesseract), 5);
        assertThat(merged).extracting(NumberCandidate::value).containsExactly(2147, 147);
        assertThat(merged.get(0).probability()).isEqualTo(0.55, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aBlankLookDoesNotDiluteTheOther() {
        List<NumberCandidate> only = List.of(new NumberCandidate(80, 0.9));
        assertThat(Looks.merge(List.of(List.of(), only), 5)).isEqualTo(only);
        assertThat(Looks.merge(List.of(List.of(), List.of()), 5)).isEmpty();
    }

    @Test
    void textsAreShownOnceEach() {
        assertThat(Looks.text(List.of("1241", "1241", "", "124"))).isEqualTo("1241 | 124");
    }
}
