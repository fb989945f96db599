package kz.hattama.numerals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import kz.hattama.form.Lang;

import static org.assertj.core.api.Assertions.assertThat;

/** Words lines as Tesseract returns them from handwriting and phone photos. */
class NumberWordsNoiseTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', textBlock = """
            2170   ; двe тыcячи cтo ceмьдecят
            2170   ; ДВЕ ТЫСЯЧИ СТО СЕМЬДЕСЯТ
            2170   ; | две тысячи сто семьдесят __
            2170   ; две тыщи сто семьдесят
            2170   ; двe тысячи стo сeмьдесять
            2170   ; дветысячи сто семьдесят
            2170   ; две тыся чи сто семь десят
            58     ; пятьдесятвосемь
            58     ; пятьдесят восем
            58     ; пятьдесят восемь.
            58     ; пяmьдесяm восемb
            58     ; пятдесят восемь
            94     ; девяноста четыре
            94     ; деbяносто чeтыре —
            186    ; сто восемдесят шесть
            186    ; cто вoсемьдесят шесть
            214    ; двести четырнацать
            214    ; двести четыр надцать
            393    ; тристо девяносто тpи
            1000   ; одна тысеча
            1035   ; тысяча тридцат пять
            1035   ; одна тысяча тридцать пять 1035
            1896   ; одна тыcяча восемсот девяносто шест
            1896   ; один тысяча восемьсот девяносто шесть
            2072   ; два тысячи семьдесят два
            2072   ; две тысяч семьдесят два
            3482   ; три тысячи четырестa восемьдесять двa
            12994  ; двенадцатъ тысяч девятсот девяносто четыре
            19444  ; девятнацать тысяч четыресто сорок четыре
            19444  ; девятнадцать тысяч четыреста сорок четыре прописью
            27512  ; двадцать семь тысячь пятсот двенадцать
            111111 ; сто одинадцать тысяч сто одинадцать
            0      ; н0ль
            0      ; нуль
            45     ; сорокпять
            45     ; copoк пять
            640    ; шестсот сорок
            999    ; девятсот девяноста девять
            960    ; девятьсотшестьдесят
            """)
    void russianBestReading(int expected, String text) {
        assertBest(expected, text, Lang.RU);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', textBlock = """
            2170   ; екi мың бiр жүз жетпiс
            2170   ; екі мын бір жуз жетпіс
            2170   ; еки мын бир жуз жетпис
            2170   ; ек1 мың б1р жүз жетп1с
            2170   ; ЕКІ МЫҢ БІР ЖҮЗ ЖЕТПІС
            2170   ; екімың бір жүз жетпіс
            58     ; елу сегз
            58     ; елусегіз
            58     ; eлу ceгiз
            94     ; токсан торт
            94     ; тоқсан төрт |
            186    ; бip жyз сексен алты
            214    ; екі жүз онтөрт
            214    ; екі жуз он торт
            393    ; уш жуз токсан уш
            1000   ; мын
            1003   ; мын уш
            1896   ; бір мын сегиз жуз токсан алты
            12994  ; он екі мың тогыз жүз токсан торт
            12994  ; онекі мың тоғыз жүз тоқсан төрт
            19444  ; он тогыз мын торт жуз кырык торт
            20052  ; жиырма мың елу ек
            27512  ; жыирма жеті мың бес жүз он екі
            27512  ; жиырма жетi мың бес жуз он ек1
            0      ; нол
            123    ; жуз жиырма уш
            40     ; кырык
            70     ; жетпис
            30     ; отьз
            999    ; тогыз жуз токсан тогыз
            1500   ; мың бес жүз —
            300    ; үшжүз
            """)
    void kazakhBestReading(int expected, String text) {
        assertBest(expected, text, Lang.KK);
    }

    /** Damage that leaves more than one number plausible: the right one is still offered. */
    @ParameterizedTest(name = "{1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RU | 2170 | двеети сяч сто семьдесят
            RU | 50   | пятсят
            RU | 500  | пятсят
            RU | 8    | сем
            RU | 13   | тридцт
            RU | 1896 | одна тыс восем девяносто шесть
            RU | 23   | двенадцать три
            KK | 70   | жетп
            KK | 8    | сексіз
            KK | 50   | елі
            KK | 6    | алпс
            KK | 0    | онл
            """)
    void rightNumberInTopThree(Lang lang, int expected, String text) {
        List<NumberReading> readings = NumberWords.parse(text, lang, 3);
        assertThat(readings.stream().anyMatch(r -> r.value() == expected)).as(() -> text + " → " + readings).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "|||", "Подпись", "подпись председателя", "М.П.", "Председатель", "(прописью)",
            "Секретарь комиссии", "Иванов И.И.", "12345", "_____ ||| —", "голосов", "число избирателей"})
    void russianGarbageIsNotANumber(String text) {
        assertImplausible(text, Lang.RU);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "|||", "Қолы", "Төраға", "хатшы", "М.О.", "жазбаша", "сайлаушылар саны", "о", "Подпись"})
    void kazakhGarbageIsNotANumber(String text) {
        assertImplausible(text, Lang.KK);
    }

    /** Sequences the grammar does not allow cannot be read cheaply as any number. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RU | двадцать тридцать
            RU | тысяча тысяча
            RU | ноль пять
            RU | сто сто сто
            KK | жүз жүз
            KK | мың мың
            KK | нөл бес
            KK | бес он
            """)
    void illFormedSequencesAreImplausible(Lang lang, String text) {
        assertImplausible(text, lang);
    }

    /** Each of these breaks the grammar, so none may be read exactly, whatever the edits find. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RU | двенадцать три
            RU | сорок двенадцать
            RU | сто двести
            RU | пять сто
            RU | три тысяча
            RU | одна тысяча тысяча
            RU | семь ноль
            KK | он жиырма
            KK | елу отыз
            KK | жүз бір жүз
            KK | бір бір
            KK | нөл мың
            """)
    void illFormedSequencesAreNeverExact(Lang lang, String text) {
        for (NumberReading reading : NumberWords.parse(text, lang, 5)) {
            assertThat(reading.cost() > 0.0).as(() -> text + " → " + reading).isTrue();
        }
    }

    @Test
    void costGrowsWithDamage() {
        double clean = best("сорок пять", Lang.RU).cost();
        double oneLetter = best("сорок пят", Lang.RU).cost();
        double twoLetters = best("срок пят", Lang.RU).cost();
        double merged = best("сорокпять", Lang.RU).cost();
        assertThat(clean).isEqualTo(0.0);
        assertThat(0.0 < oneLetter && oneLetter < twoLetters).as(oneLetter + " " + twoLetters).isTrue();
        assertThat(0.0 < merged && merged < oneLetter).as("a merge costs less than a lost letter: " + merged).isTrue();
    }

    @Test
    void readingsAreDistinctSortedAndCapped() {
        List<NumberReading> readings = NumberWords.parse("двести сорок", Lang.RU, 5);
        assertThat(readings).hasSize(5);
        assertThat(readings.get(0)).isEqualTo(new NumberReading(240, 0.0, "двести сорок"));
        Set<Integer> values = new HashSet<>();
        for (int i = 0; i < readings.size(); i++) {
            assertThat(values.add(readings.get(i).value())).as("duplicate value in " + readings).isTrue();
            if (i > 0) {
                assertThat(readings.get(i - 1).cost() <= readings.get(i).cost()).as("unsorted: " + readings).isTrue();
            }
        }
    }

    @Test
    void canonicalKeepsTheStyleOfTheText() {
        assertThat(best("тыcяча тpи", Lang.RU).canonical()).isEqualTo("тысяча три");
        assertThat(best("одна тыcяча тpи", Lang.RU).canonical()).isEqualTo("одна тысяча три");
        assertThat(best("два тысячи семьдесят два", Lang.RU).canonical()).isEqualTo("две тысячи семьдесят два");
        assertThat(best("жуз жиырма уш", Lang.KK).canonical()).isEqualTo("жүз жиырма үш");
        assertThat(best("бip жуз жиырма уш", Lang.KK).canonical()).isEqualTo("бір жүз жиырма үш");
    }

    private static void assertBest(int expected, String text, Lang lang) {
        NumberReading reading = best(text, lang);
        assertThat(reading.value()).as(() -> text + " → " + NumberWords.parse(text, lang, 3)).isEqualTo(expected);
        assertThat(reading.cost() <= NumberWords.MAX_PLAUSIBLE_COST).as(() -> text + " → " + reading).isTrue();
    }

    private static NumberReading best(String text, Lang lang) {
        List<NumberReading> readings = NumberWords.parse(text, lang, 1);
        assertThat(readings).as(() -> "nothing read from " + text).isNotEmpty();
        return readings.get(0);
    }

    private static void assertImplausible(String text, Lang lang) {
        for (NumberReading reading : NumberWords.parse(text, lang, 5)) {
            assertThat(reading.cost() > NumberWords.MAX_PLAUSIBLE_COST).as(() -> text + " → " + reading).isTrue();
        }
    }
}
