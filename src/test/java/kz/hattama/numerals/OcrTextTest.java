package kz.hattama.numerals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The folding and tokenizing that everything in parse() is measured after. */
class OcrTextTest {

    @Test
    void foldsLatinLookAlikesByCase() {
        assertThat(tokens("ABCEHKMOPTXYI")).isEqualTo(List.of("авсенкмортхуі"));
        assertThat(tokens("abcehkmoptxyilunr")).isEqualTo(List.of("аьсенкмортхуііипг"));
    }

    @Test
    void foldsKazakhLettersToTheirBaseAndIgnoresCase() {
        assertThat(tokens("әғқңөұүһё ӘҒҚҢӨҰҮҺ")).isEqualTo(List.of("агкноуухе", "агкноуух"));
        assertThat(tokens("ЕКІ МЫҢ")).isEqualTo(List.of("екі", "мын"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            с0рок пять        ; сорок пять
            ек1               ; екі
            тр3               ; трз
            б|р               ; бір
            |сто|             ; сто
            2170 две          ; две
            две2170тысячи     ; две тысячи
            сорок5            ; сорок
            —— сто ,, три __  ; сто три
            тысяча-три.       ; тысяча три
            """)
    void digitsAndBarsAreLettersOnlyWhenAloneInsideAWord(String raw, String expected) {
        assertThat(tokens(raw)).isEqualTo(List.of(expected.split(" ")));
    }

    @Test
    void nothingLeftOfNonLetters() {
        assertThat(OcrText.of("12 | 34 — __ ...").length()).isEqualTo(0);
    }

    private static List<String> tokens(String raw) {
        OcrText text = OcrText.of(raw);
        List<String> tokens = new ArrayList<>();
        for (int p = 0; p < text.length(); p = text.nextBoundary(p)) {
            tokens.add(text.token(p, text.nextBoundary(p)));
        }
        return tokens;
    }
}
