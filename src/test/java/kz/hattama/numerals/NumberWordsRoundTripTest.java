package kz.hattama.numerals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import kz.hattama.form.Lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Every number, written either way, reads back as itself at cost 0. */
class NumberWordsRoundTripTest {

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyNumberRoundTrips(Lang lang) {
        for (int n = 0; n <= NumberWords.MAX_VALUE; n++) {
            for (boolean explicitOne : new boolean[] {true, false}) {
                String words = NumberWords.toWords(n, lang, explicitOne);
                List<NumberReading> best = NumberWords.parse(words, lang, 1);
                // assertEquals with a message supplier would build a string per call; 4M calls.
                if (best.size() != 1 || best.get(0).value() != n || best.get(0).cost() != 0.0
                        || !best.get(0).canonical().equals(words)) {
                    fail(lang + " «" + words + "» read as " + best);
                }
            }
        }
    }

    /**
     * The fast path above answers clean text without the search; the search must agree on it
     * (it is what runs whenever more than one reading is asked for).
     */
    @ParameterizedTest
    @EnumSource(Lang.class)
    void searchAgreesOnCleanText(Lang lang) {
        SplittableRandom random = new SplittableRandom(20210110L);
        for (int i = 0; i < 1000; i++) {
            int n = i < 700 ? random.nextInt(NumberWords.MAX_VALUE + 1) : random.nextInt(2000);
            boolean explicitOne = random.nextBoolean();
            String words = NumberWords.toWords(n, lang, explicitOne);
            List<NumberReading> readings = NumberWords.parse(words, lang, 3);
            assertThat(readings.get(0)).as(words).isEqualTo(new NumberReading(n, 0.0, words));
            for (int r = 1; r < readings.size(); r++) {
                if (readings.get(r).cost() <= 0.0) {
                    fail("«" + words + "» has a second exact reading " + readings.get(r));
                }
            }
        }
    }
}
