package kz.hattama.web;

import kz.hattama.config.HattamaProperties;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.protocol.ReviewReason.Code;
import kz.hattama.testsupport.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reason the reconciler gives reaches the reviewer in the interface's language. */
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

    static Stream<Arguments> reasons() {
        ReviewReason checked = ReviewReason.of(Code.LOW_CONFIDENCE_CHECKED, "0.50", "0.30", "0.990");
        ReviewReason anchored = ReviewReason.of(Code.NOT_ANCHORED);
        ReviewReason weak = ReviewReason.of(Code.WEAK_WORDS_CHECK, "0.99900");
        return Stream.of(
                Arguments.of("en", List.of(checked), "read with low confidence (digits 0.50, words 0.30; the written words confirm the figure with 0.990)"),
                Arguments.of("ru", List.of(checked), "прочитано неуверенно (цифры 0.50, пропись 0.30; пропись подтверждает число цифрами на 0.990)"),
                Arguments.of("ru", List.of(ReviewReason.of(Code.LOW_CONFIDENCE, "0.42", "0.91")), "прочитано неуверенно (цифры 0.42, пропись 0.91)"),
                Arguments.of("kk", List.of(ReviewReason.of(Code.DISAGREE), checked), null),
                Arguments.of("en", List.of(anchored), "its printed label was not found next to this place: the figure may belong to another line"),
                Arguments.of("ru", List.of(anchored), "рядом с этим местом не найдена печатная надпись строки: число может относиться к другой строке"),
                Arguments.of("kk", List.of(ReviewReason.of(Code.FAILED_CHECK, "issued_le_voters"), anchored), null),
                Arguments.of("ru", List.of(weak), "это число проверяют только неравенства, поэтому пропись должна подтверждать его надёжнее, чем на 0.99900"),
                Arguments.of("kk", List.of(weak), null),
                Arguments.of("en", List.of(ReviewReason.note("words as stored, {0}")), "words as stored, {0}"));
    }

    /** Every code has its wording in every language, and no code or English wording reaches a Russian or Kazakh page. */
    @ParameterizedTest
    @MethodSource
    void reasons(String lang, List<ReviewReason> stored, String expected) throws Exception {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));
        String shown = texts().reason(stored);
        if (expected != null) {
            assertThat(shown).isEqualTo(expected);
        }
        if (stored.stream().noneMatch(r -> r.code() == Code.NOTE)) {
            assertThat(shown).doesNotContain("words check", "≠", "{", "label not found", "inequalities", "reason.");
        }
    }

    @ParameterizedTest
    @CsvSource({"en", "ru", "kk"})
    void everyCodeIsWordedInEveryLanguage(String lang) throws Exception {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));
        Texts texts = texts();
        for (Code code : Code.values()) {
            String shown = texts.reason(List.of(ReviewReason.of(code, "x", "y", "z")));
            assertThat(shown).as(code.id()).doesNotContain("reason.", "{");
        }
    }
}
