package kz.hattama.numerals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.hattama.form.Lang;

/**
 * The number words of one language, both for writing numbers ({@link #toWords}) and as the
 * lexicon the parser matches OCR text against. Keeping one table for both directions is what
 * makes the round trip hold by construction rather than by two lists kept in step.
 * The words follow /work/shared/devset-generator/numerals.py, the generator of the dev set.
 */
final class Vocabulary {

    /** Grammatical role of a word; the {@link Grammar} decides which roles may follow which. */
    enum Kind { ZERO, UNIT, TEEN, TENS, HUNDREDS, HUNDRED_MARK, THOUSAND }

    /**
     * One spelling the parser can match. {@code value} is the number the word adds, except for
     * THOUSAND, where it is the index of the grammatical form (тысяча/тысячи/тысяч) because
     * the form has to agree with the count before it.
     */
    record Entry(Kind kind, int value, String flat) {
    }

    private static final String[] RU_UNITS_M = {"", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
    private static final String[] RU_UNITS_F = {"", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"};
    private static final String[] RU_TEENS = {"десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать",
            "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"};
    private static final String[] RU_TENS = {"", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят",
            "семьдесят", "восемьдесят", "девяносто"};
    private static final String[] RU_HUNDREDS = {"", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот",
            "семьсот", "восемьсот", "девятьсот"};
    private static final String[] RU_THOUSANDS = {"тысяча", "тысячи", "тысяч"};
    private static final String RU_ZERO = "ноль";
    /** Older spelling of zero; a commission member may still write it. Parsed, never written. */
    private static final String RU_ZERO_ALT = "нуль";

    private static final String[] KK_UNITS = {"", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"};
    private static final String[] KK_TENS = {"", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"};
    private static final String KK_HUNDRED = "жүз";
    private static final String KK_THOUSAND = "мың";
    private static final String KK_ZERO = "нөл";

    static final Vocabulary RU = new Vocabulary(Lang.RU);
    static final Vocabulary KK = new Vocabulary(Lang.KK);

    final Lang lang;
    /** All spellings the parser tries. */
    final List<Entry> entries;
    /** Flattened spelling to entry, for the exact fast path. */
    final Map<String, Entry> byFlat;

    private Vocabulary(Lang lang) {
        this.lang = lang;
        List<Entry> list = new ArrayList<>();
        if (lang == Lang.RU) {
            add(list, Kind.ZERO, 0, RU_ZERO);
            add(list, Kind.ZERO, 0, RU_ZERO_ALT);
            for (int u = 1; u <= 9; u++) {
                // Both genders parse to the same value: OCR and hurried writers confuse
                // «одна»/«один» and «две»/«два», and the value is what matters.
                add(list, Kind.UNIT, u, RU_UNITS_M[u]);
                if (!RU_UNITS_F[u].equals(RU_UNITS_M[u])) {
                    add(list, Kind.UNIT, u, RU_UNITS_F[u]);
                }
            }
            for (int i = 0; i < 10; i++) {
                add(list, Kind.TEEN, 10 + i, RU_TEENS[i]);
            }
            for (int t = 2; t <= 9; t++) {
                add(list, Kind.TENS, 10 * t, RU_TENS[t]);
            }
            for (int h = 1; h <= 9; h++) {
                add(list, Kind.HUNDREDS, 100 * h, RU_HUNDREDS[h]);
            }
            for (int f = 0; f < RU_THOUSANDS.length; f++) {
                add(list, Kind.THOUSAND, f, RU_THOUSANDS[f]);
            }
        } else {
            add(list, Kind.ZERO, 0, KK_ZERO);
            for (int u = 1; u <= 9; u++) {
                add(list, Kind.UNIT, u, KK_UNITS[u]);
            }
            for (int t = 1; t <= 9; t++) {
                add(list, Kind.TENS, 10 * t, KK_TENS[t]);
            }
            add(list, Kind.HUNDRED_MARK, 100, KK_HUNDRED);
            add(list, Kind.THOUSAND, 0, KK_THOUSAND);
        }
        this.entries = List.copyOf(list);
        Map<String, Entry> map = new HashMap<>();
        for (Entry e : list) {
            // Flattening folds letters OCR confuses; if it ever merged two different words,
            // the parser could not tell them apart, so fail loudly at class load.
            if (map.put(e.flat(), e) != null) {
                throw new IllegalStateException("Two number words flatten to the same text: " + e.flat());
            }
        }
        this.byFlat = Map.copyOf(map);
    }

    private static void add(List<Entry> list, Kind kind, int value, String word) {
        list.add(new Entry(kind, value, OcrText.flatten(word)));
    }

    static Vocabulary of(Lang lang) {
        return lang == Lang.RU ? RU : KK;
    }

    /** Grammatical form of «тысяча» after a count of thousands, as an index into the forms. */
    int thousandForm(int thousands) {
        if (lang == Lang.KK) {
            return 0;
        }
        int lastTwo = thousands % 100;
        int last = thousands % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return 2;
        }
        return last == 1 ? 0 : last >= 2 && last <= 4 ? 1 : 2;
    }

    /** See {@link NumberWords#toWords}; n is already range-checked. */
    String toWords(int n, boolean explicitOne) {
        if (n == 0) {
            return lang == Lang.RU ? RU_ZERO : KK_ZERO;
        }
        StringBuilder sb = new StringBuilder(48);
        int thousands = n / 1000;
        if (thousands > 0) {
            if (thousands != 1 || explicitOne) {
                triad(sb, thousands, true, explicitOne);
            }
            word(sb, lang == Lang.RU ? RU_THOUSANDS[thousandForm(thousands)] : KK_THOUSAND);
        }
        triad(sb, n % 1000, false, explicitOne);
        return sb.toString();
    }

    /** @param feminine Russian counts thousands with «одна»/«две» (тысяча is feminine) */
    private void triad(StringBuilder sb, int n, boolean feminine, boolean explicitOne) {
        int h = n / 100;
        int rest = n % 100;
        if (lang == Lang.RU) {
            if (h > 0) {
                word(sb, RU_HUNDREDS[h]);
            }
            if (rest >= 10 && rest < 20) {
                word(sb, RU_TEENS[rest - 10]);
                return;
            }
            if (rest >= 20) {
                word(sb, RU_TENS[rest / 10]);
            }
            if (rest % 10 > 0) {
                word(sb, (feminine ? RU_UNITS_F : RU_UNITS_M)[rest % 10]);
            }
        } else {
            if (h > 0) {
                if (h > 1 || explicitOne) {
                    word(sb, KK_UNITS[h]);
                }
                word(sb, KK_HUNDRED);
            }
            if (rest >= 10) {
                word(sb, KK_TENS[rest / 10]);
            }
            if (rest % 10 > 0) {
                word(sb, KK_UNITS[rest % 10]);
            }
        }
    }

    private static void word(StringBuilder sb, String w) {
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(w);
    }
}
