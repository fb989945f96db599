package kz.hattama.web;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form's own checks and flags are worded by the form file, in the interface's language; the checks and flags
 * Hattama adds to every form (words_match, precinct_unsure) by messages*.properties.
 */
class FormWordingTest {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static Texts texts(String form) throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages, FormLoader.load(Path.of(form)), HattamaProperties.defaults());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "batch-config/form-mazhilis-2021-pec.json    | ru | votes_balance      | turnout_over_70 | Голоса за партии + недействительные = приняли участие | Явка выше 70 %",
            "batch-config/form-mazhilis-2021-pec.json    | en | ballots_balance    | turnout_over_70 | Ballots received = issued + unused | Turnout above 70 %",
            "src/test/resources/forms/form-akim-2024-pec.json | kk | candidates_balance | turnout_over_80 | Кандидаттарға берілген дауыстар + жарамсыздар = жәшіктерде | Қатысу 80 %-дан жоғары",
            "src/test/resources/forms/form-akim-2024-pec.json | en | boxes_le_issued    | outside_over_10 | Ballots in the boxes ≤ ballots issued | Many ballots issued outside",
    })
    void theFormWordsItsChecksAndFlags(String form, String lang, String check, String flag, String checkText,
                                       String flagText) throws Exception {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));
        Texts texts = texts(form);
        assertThat(texts.check(check)).isEqualTo(checkText);
        assertThat(texts.flag(flag)).isEqualTo(flagText);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ru | Цифры = пропись | Номер участка под сомнением",
            "kk | Санмен = жазбаша | Учаске нөмірі күмәнді",
            "en | Digits = words | Precinct number unsure"})
    void hattamasOwnChecksAndFlagsAreWordedTheSameForEveryForm(String lang, String wordsMatch, String unsure)
            throws Exception {
        LocaleContextHolder.setLocale(Locale.forLanguageTag(lang));
        for (String form : new String[]{"batch-config/form-mazhilis-2021-pec.json",
                "src/test/resources/forms/form-akim-2024-pec.json"}) {
            Texts texts = texts(form);
            assertThat(texts.check("words_match")).isEqualTo(wordsMatch);
            assertThat(texts.flag("precinct_unsure")).isEqualTo(unsure);
        }
    }
}
