package kz.hattama.numerals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The folding and tokenizing that everything in parse() is measured after. */
class OcrTextTest {

    @Test
    void foldsLatinLookAlikesByCase() {
        assertEquals(List.of("авсенкмортхуі"), tokens("ABCEHKMOPTXYI"));
        assertEquals(List.of("аьсенкмортхуііипг"), tokens("abcehkmoptxyilunr"));
    }

    @Test
    void foldsKazakhLettersToTheirBaseAndIgnoresCase() {
        assertEquals(List.of("агкноуухе", "агкноуух"), tokens("әғқңөұүһё ӘҒҚҢӨҰҮҺ"));
        assertEquals(List.of("екі", "мын"), tokens("ЕКІ МЫҢ"));
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
        assertEquals(List.of(expected.split(" ")), tokens(raw));
    }

    @Test
    void nothingLeftOfNonLetters() {
        assertEquals(0, OcrText.of("12 | 34 — __ ...").length());
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
