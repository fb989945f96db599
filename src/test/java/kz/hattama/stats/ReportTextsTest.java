package kz.hattama.stats;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTextsTest {

    private static Properties bundle(String suffix) throws IOException {
        String name = "/" + ReportTexts.BUNDLE.replace('.', '/') + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = ReportTextsTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyIsWordedInEveryLanguage() throws IOException {
        Properties en = bundle("");
        Set<String> keys = en.stringPropertyNames();
        assertThat(keys).contains("title", "row.voters", "scope.all", "scope.clean");
        for (String lang : new String[]{"_ru", "_kk"}) {
            Properties p = bundle(lang);
            assertThat(p.stringPropertyNames()).as(lang).isEqualTo(keys);
            // A value copied over from English instead of translated; the code-only ones are the same everywhere.
            assertThat(keys).as(lang).allSatisfy(k -> assertThat(p.getProperty(k)).as(k).isNotBlank()
                    .satisfiesAnyOf(v -> assertThat(v).isNotEqualTo(en.getProperty(k)),
                            v -> assertThat(v).doesNotContainPattern("[A-Za-z]{3}")));
        }
    }

    @Test
    void theBundlesAreReadAsUtf8AndEachLanguageGetsItsOwn() {
        assertThat(ReportTexts.of("ru").get("row.turnout")).isEqualTo("Явка, %");
        assertThat(ReportTexts.of("kk").get("row.voters")).isEqualTo("Сайлаушылар саны");
        assertThat(ReportTexts.of("kk").get("summary", 4, "VERIFIED", 3, ""))
                .isEqualTo("Хаттамалар: 4 (VERIFIED); есепке алынған учаскелер: 3, әр учаскеге бір хаттама.");
        assertThat(ReportTexts.of(Locale.forLanguageTag("de")).language()).isEqualTo("en");
        assertThatThrownBy(() -> ReportTexts.of("de")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("en, ru, kk");
    }

    @Test
    void englishStaysEnglishOnAMachineSetToRussian() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("ru"));
        try {
            assertThat(ReportTexts.of("en").get("row.turnout")).isEqualTo("Turnout, %");
        } finally {
            Locale.setDefault(before);
        }
    }
}
