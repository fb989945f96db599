package kz.hattama.layout;

import kz.hattama.form.FormDefinition;
import kz.hattama.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OCR texts of label bands as Tesseract's Kazakh model gave them on the dev set. */
class LabelMatcherTest {

    private static final FormDefinition FORM = Fixtures.form();

    private static double similarity(String text, String key) {
        return LabelMatcher.similarity(text, FORM.field(key), FORM.tableFields().contains(FORM.field(key)));
    }

    @Test
    void aLabelReadWithTheUsualSlipsIsFound() {
        assertThat(similarity("1. Учаскедегі сайлаушылардың жа", "voters_total")).isGreaterThanOrEqualTo(LabelMatcher.CONFIRMED);
        assertThat(similarity("4. Обіцее число избирателей, принявших", "voters_participated"))
                .isGreaterThanOrEqualTo(LabelMatcher.CONFIRMED);
        assertThat(similarity("оның ішінде дауыс беруге арналға", "voted_outside")).isGreaterThanOrEqualTo(LabelMatcher.CONFIRMED);
    }

    @Test
    void aLineNumberReadAsTheLetterItLooksLikeStillCounts() {
        assertThat(similarity("З.Сайлау бюллетеньдерін алған с", "ballots_issued")).isGreaterThanOrEqualTo(LabelMatcher.CONFIRMED);
    }

    /** Lines 1 and 4 open with the same words; only the number tells them apart. */
    @Test
    void theLineNumberTellsApartLabelsThatOpenAlike() {
        String four = "4. Общее число избирателей, принявших участ";

        assertThat(similarity(four, "voters_participated")).isGreaterThanOrEqualTo(LabelMatcher.CONFIRMED);
        assertThat(similarity(four, "voters_total")).isLessThan(LabelMatcher.CONFIRMED);
        assertThat(similarity("6. Число избирательных бюллетеней, признанн", "ballots_received")).isLessThan(LabelMatcher.CONFIRMED);
    }

    @Test
    void aPartyWithALatinNameIsFoundByItsCyrillicWords() {
        assertThat(similarity("«Мш Ойап» партиясы", "party_2")).isGreaterThanOrEqualTo(LabelMatcher.CONFIRMED);
        assertThat(similarity("Қазақстан Халық партиясы", "party_1")).isGreaterThanOrEqualTo(LabelMatcher.CONFIRMED);
        assertThat(similarity("Қазақстан Халық партиясы", "party_3")).isLessThan(LabelMatcher.CONFIRMED);
    }

    /** What a band over a crease, a seal's ring or a signature line holds. */
    @Test
    void hintsHandwritingAndNoiseAreNoLabel() {
        for (String key : FORM.keys()) {
            assertThat(similarity("(санмен) (жазбаша)", key)).as(key).isLessThan(LabelMatcher.CONFIRMED);
            assertThat(similarity("мың үш жүз елу бес", key)).as(key).isLessThan(LabelMatcher.CONFIRMED);
            assertThat(similarity("Комиссия төрағасы Е.С. Мыттыбаев", key)).as(key).isLessThan(LabelMatcher.CONFIRMED);
            assertThat(similarity("", key)).isZero();
        }
    }

    @Test
    void aRowNumberCellMustShowTheRowsNumberAlone() {
        assertThat(LabelMatcher.isNumber("3.", FORM.field("party_3"))).isTrue();
        assertThat(LabelMatcher.isNumber("3", FORM.field("party_3"))).isTrue();
        assertThat(LabelMatcher.isNumber("3", FORM.field("party_2"))).isFalse();
        assertThat(LabelMatcher.isNumber("", FORM.field("party_3"))).isFalse();
        assertThat(LabelMatcher.isNumber("3", FORM.field("voted_outside"))).isFalse();
    }
}
