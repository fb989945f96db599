package kz.hattama.ocr;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.form.Lang;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Lines as Tesseract returned them on dev-set headers, and the figures of a header that are not the precinct. */
class PrecinctPatternTest {

    static final FormDefinition FORM = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "RU | по избирательному участку № 755                  | 755 | true",
            "RU | по избирательному участку №0755                  | 755 | true",
            "RU | по избирательному участку 12                     | 12  | true",
            "RU | по избирательному учаспку Ne 361                 | 361 | true",
            "KK | Мо 879 сайлау учаскесі бойынша дауыс беру        | 879 | true",
            "KK | 63 сайлау учаскес! бойынша дауыс беру нәтижелері | 63  | true",
            "KK | № 39 сайлау учаскесі бойынша                     | 39  | true",
            "RU | Республики Казахстан от 21 октября 2020 года № 29/336 | - | false",
            "RU | Республики Казахстан от 21 октября 2020 года № 29 336 | 29 | false",
            "RU | г. Алматы, ул. Толе би 150, гимназия № 27        | 27  | false",
            "KK | 2020 жылғы 21 қазандағы № 29/336 қаулысына 9к-қосымша | - | false",
            "KK | Алматы қаласы, Төле би көшесі 150, № 27 гимназия | 27  | false"})
    void theFigureInThePrecinctsPlaceIsAnchoredByTheFormsWords(Lang lang, String line, String number, boolean anchored) {
        Optional<PrecinctPattern.Match> m = PrecinctPattern.of(FORM, lang).find(List.of(line.split("\\s+")));
        assertThat(m.map(PrecinctPattern.Match::anchored).orElse(false)).isEqualTo(anchored);
        if (!number.equals("-")) {
            assertThat(m).map(PrecinctPattern.Match::number).contains(number);
        }
    }
}
