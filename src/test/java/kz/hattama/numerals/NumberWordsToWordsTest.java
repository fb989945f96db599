package kz.hattama.numerals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import kz.hattama.form.Lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** toWords against the dev-set generator, /work/shared/devset-generator/numerals.py (its __main__ list). */
class NumberWordsToWordsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0      | ноль                                        | нөл
            1      | один                                        | бір
            12     | двенадцать                                  | он екі
            21     | двадцать один                               | жиырма бір
            58     | пятьдесят восемь                            | елу сегіз
            94     | девяносто четыре                            | тоқсан төрт
            186    | сто восемьдесят шесть                       | бір жүз сексен алты
            214    | двести четырнадцать                         | екі жүз он төрт
            393    | триста девяносто три                        | үш жүз тоқсан үш
            1000   | одна тысяча                                 | бір мың
            1035   | одна тысяча тридцать пять                   | бір мың отыз бес
            1896   | одна тысяча восемьсот девяносто шесть       | бір мың сегіз жүз тоқсан алты
            2072   | две тысячи семьдесят два                    | екі мың жетпіс екі
            2170   | две тысячи сто семьдесят                    | екі мың бір жүз жетпіс
            3482   | три тысячи четыреста восемьдесят два        | үш мың төрт жүз сексен екі
            12994  | двенадцать тысяч девятьсот девяносто четыре | он екі мың тоғыз жүз тоқсан төрт
            19444  | девятнадцать тысяч четыреста сорок четыре   | он тоғыз мың төрт жүз қырық төрт
            20052  | двадцать тысяч пятьдесят два                | жиырма мың елу екі
            27512  | двадцать семь тысяч пятьсот двенадцать      | жиырма жеті мың бес жүз он екі
            111111 | сто одиннадцать тысяч сто одиннадцать       | бір жүз он бір мың бір жүз он бір
            """)
    void matchesGeneratorWithExplicitOne(int n, String ru, String kk) {
        assertThat(NumberWords.toWords(n, Lang.RU, true)).isEqualTo(ru);
        assertThat(NumberWords.toWords(n, Lang.KK, true)).isEqualTo(kk);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            186    | сто восемьдесят шесть                 | жүз сексен алты
            1000   | тысяча                                | мың
            1035   | тысяча тридцать пять                  | мың отыз бес
            1896   | тысяча восемьсот девяносто шесть      | мың сегіз жүз тоқсан алты
            2170   | две тысячи сто семьдесят              | екі мың жүз жетпіс
            21000  | двадцать одна тысяча                  | жиырма бір мың
            101101 | сто одна тысяча сто один              | жүз бір мың жүз бір
            111111 | сто одиннадцать тысяч сто одиннадцать | жүз он бір мың жүз он бір
            """)
    void dropsOptionalLeadingOne(int n, String ru, String kk) {
        assertThat(NumberWords.toWords(n, Lang.RU, false)).isEqualTo(ru);
        assertThat(NumberWords.toWords(n, Lang.KK, false)).isEqualTo(kk);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2000, две тысячи", "3000, три тысячи", "4000, четыре тысячи", "5000, пять тысяч",
            "10000, десять тысяч", "24000, двадцать четыре тысячи", "40000, сорок тысяч", "11000, одиннадцать тысяч", "14000, четырнадцать тысяч",
            "21000, двадцать одна тысяча", "22000, двадцать две тысячи", "111000, сто одиннадцать тысяч",
            "999999, девятьсот девяносто девять тысяч девятьсот девяносто девять"})
    void russianThousandAgreesWithCount(int n, String words) {
        assertThat(NumberWords.toWords(n, Lang.RU, true)).isEqualTo(words);
    }

    @Test
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> NumberWords.toWords(-1, Lang.RU, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NumberWords.toWords(1_000_000, Lang.KK, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
