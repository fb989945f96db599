package kz.hattama.web;

import kz.hattama.config.HattamaProperties;
import kz.hattama.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reason the reconciler writes reaches the reviewer in the interface's language. */
class TextsTest {

    private static Texts texts() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages, Fixtures.form(), HattamaProperties.defaults());
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | low confidence (digits 0.50, words 0.30, words check 0.990) | read with low confidence (digits 0.50, words 0.30; the written words confirm the figure with 0.990)",
            "ru | low confidence (digits 0.50, words 0.30, words check 0.990) | прочитано неуверенно (цифры 0.50, пропись 0.30; пропись подтверждает число цифрами на 0.990)",
            "ru | low confidence (digits 0.42, words 0.91) | прочитано неуверенно (цифры 0.42, пропись 0.91)",
            "kk | digits ≠ words; low confidence (digits 0.50, words 0.30, words check 0.990) | ",
            "en | label not found next to the zone | its printed label was not found next to this place: the figure may belong to another line",
            "ru | label not found next to the zone | рядом с этим местом не найдена печатная надпись строки: число может относиться к другой строке",
            "kk | failed check issued_le_voters; label not found next to the zone | ",
            "ru | words check 0.99900 below the bar of a figure only inequalities check | это число проверяют только неравенства, поэтому пропись должна подтверждать его надёжнее, чем на 0.99900",
            "kk | words check 0.99900 below the bar of a figure only inequalities check | ",
    })
    void reasonsAreTranslated(String lang, String stored, String expected) throws Exception {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));
        String shown = texts().reason(stored);
        if (expected != null) {
            assertThat(shown).isEqualTo(expected);
        }
        assertThat(shown).doesNotContain("words check", "≠", "{", "label not found", "inequalities");
    }
}
