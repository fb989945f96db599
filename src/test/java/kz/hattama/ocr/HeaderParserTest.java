package kz.hattama.ocr;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.form.HeaderDef;
import kz.hattama.form.Lang;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Header texts as Tesseract really returned them on dev-set scans, misreadings included. */
class HeaderParserTest {

    static final FormDefinition FORM = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));
    final HeaderParser parser = new HeaderParser(FORM);

    @Test
    void kazakhHeaderWithNumberSignReadAsMo() {
        HeaderReading h = parser.parse("""
                Қазақстан Республикасы Орталық сайлау комиссиясының
                2020 жылғы 21 қазандағы № 29/336 қаулысына 9к-қосымша
                Қазақстан Республикасы Парламенті Мәжілісінің депутаттарын сайлау
                2021 жылғы 10 қаңтар
                Мо 879 сайлау учаскесі бойынша дауыс беру нәтижелері туралы
                учаскелік сайлау комиссиясының хаттамасы
                Нұр-Сұлтан қаласы, Сарыарқа көшесі 12
                Учаскелік сайлау комиссиясы АНЫҚТАДЫ:
                """);
        assertThat(h.lang()).isEqualTo(Lang.KK);
        assertThat(h.precinct()).isEqualTo("879");
        assertThat(h.address()).isEqualTo("Нұр-Сұлтан қаласы, Сарыарқа көшесі 12");
    }

    @Test
    void russianHeaderSkipsTheDecreeNumber() {
        HeaderReading h = parser.parse("""
                Приложение 9к к постановлению Центральной избирательной комиссии
                Республики Казахстан от 21 октября 2020 года № 29/336
                Выборы депутатов Мажилиса Парламента Республики Казахстан
                10 января 2021 года
                участковой избирательной комиссии о результатах голосования
                по избирательному участку № 755
                г. Уральск, ул. Достык 41, СОШ № 9
                Участковая избирательная комиссия УСТАНОВИЛА:
                """);
        assertThat(h.lang()).isEqualTo(Lang.RU);
        assertThat(h.precinct()).isEqualTo("755");
        assertThat(h.address()).isEqualTo("г. Уральск, ул. Достык 41, СОШ № 9");
    }

    @Test
    void numberSignLostEntirely() {
        HeaderReading h = parser.parse("по избирательному участку 12\nг. Семей, ул. Бегалина 6, школа № 12\n");
        assertThat(h.precinct()).isEqualTo("12");
    }

    /** The header's anchor and the words that are no address are the form's, not the parser's. */
    @Test
    void theFallbackAnchorAndTheFormsOwnWordsComeFromTheForm() {
        String text = "ПРОТОКОЛ\nпункт голосования 12\nХаттамасы\nг. Семей, ул. Бегалина 6\nУСТАНОВИЛА:\n";
        assertThat(parser.parse(text).precinct()).isNull();

        HeaderReading other = new HeaderParser(withHeader(new HeaderDef(Map.of("ru", "пункт"), List.of())))
                .parse(text);
        assertThat(other.precinct()).isEqualTo("12");
        assertThat(other.address()).isEqualTo("Хаттамасы");

        HeaderReading skipping = new HeaderParser(withHeader(
                new HeaderDef(Map.of("ru", "пункт"), FORM.header().notAddress()))).parse(text);
        assertThat(skipping.address()).isEqualTo("г. Семей, ул. Бегалина 6");
    }

    private static FormDefinition withHeader(HeaderDef header) {
        return new FormDefinition(FORM.id(), FORM.version(), FORM.title(), FORM.markers(), FORM.precinct(), header,
                FORM.fields(), FORM.layout(), FORM.checks(), FORM.flags(), FORM.maxValue());
    }

    @Test
    void noPrecinctLine() {
        HeaderReading h = parser.parse("Меню столовой\nБорщ 1200 тг\n");
        assertThat(h.precinct()).isNull();
        assertThat(h.address()).isNull();
    }
}
