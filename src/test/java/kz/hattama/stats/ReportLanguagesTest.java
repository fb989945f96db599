package kz.hattama.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of {@link KnownSet} in Russian and Kazakh: the wording is translated, the data is not. */
class ReportLanguagesTest extends OnKnownSet {

    private static final Pattern SCRIPTS = Pattern.compile("(?s)<script.*?</script>");

    private static String html(String lang) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport(ReportTexts.of(lang)).write(stats, out);
        return out.toString();
    }

    /** Every English text that stands alone as a heading or a cell, e.g. {@code >Registered voters<}. */
    private static void assertNoEnglishHeadingOrCell(String html) {
        // Chart.js's own source is English and no part of the report's wording.
        String markup = SCRIPTS.matcher(html).replaceAll("");
        ResourceBundle en = ResourceBundle.getBundle(ReportTexts.BUNDLE, java.util.Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertThat(en.keySet()).allSatisfy(k -> assertThat(markup).doesNotContain(">" + en.getString(k) + "<"));
    }

    @Test
    void theRussianReport() throws IOException {
        String html = html("ru");
        assertThat(html).contains("<html lang=\"ru\">").contains("<h1>Результаты по протоколам</h1>")
                .contains("<h2>Все протоколы в текущем состоянии</h2>")
                .contains("<h3>Результаты по городам, % от принявших участие в голосовании</h3>")
                .contains("<td class=\"label\">Зарегистрировано избирателей</td>")
                .contains("<td class=\"label\">Явка, %</td>").contains("<th>Всего</th>")
                .contains("Протоколов: 10 (").contains("учтено участков: 8")
                // The charts' axes, legends and tooltips.
                .contains("\"share\":\"Доля лидирующей партии, %\"").contains("\"leader\":\"Лидер: {0}\"")
                // Names from the data stay as they are; figures keep their format.
                .containsPattern("<td class=\"label\">Nur Otan, %</td><td class=\"num\">71\\.52</td>")
                .contains("Уральск")
                .doesNotContain("Registered voters").doesNotContain("Turnout, %").doesNotContain("Leading party");
        assertNoEnglishHeadingOrCell(html);
    }

    @Test
    void theKazakhReport() throws IOException {
        String html = html("kk");
        assertThat(html).contains("<html lang=\"kk\">").contains("<h1>Хаттамалар бойынша нәтижелер</h1>")
                .contains("<h2>Тек тексерілген хаттамалар (автоматты немесе адам тексерген)</h2>")
                .contains("<td class=\"label\">Сайлаушылар саны</td>").contains("<td class=\"label\">Қатысқандар</td>")
                .contains("<td class=\"label\">Қатысу деңгейі, %</td>").contains("<h3>Белгіленген учаскелер</h3>")
                .contains("Қатысу деңгейінің таралуы: 5 % аралығындағы учаскелер саны")
                .doesNotContain("Registered voters").doesNotContain("Took part").doesNotContain("Leading party");
        assertNoEnglishHeadingOrCell(html);
    }

    @Test
    void theTextReportSharesTheWording() throws IOException {
        StringWriter kk = new StringWriter();
        new TextReport(ReportTexts.of("kk")).write(stats, kk);
        assertThat(kk.toString()).startsWith("Hattama статистикасы: ")
                .contains("== Барлық хаттамалар қазіргі күйінде ==")
                .containsPattern("Nur Otan, %\\s+71\\.52\\s+60\\.24\\s+78\\.95\\s+63\\.56")
                .containsPattern("Сайлаушылар саны\\s+1600")
                .doesNotContain("Registered voters");
    }
}
