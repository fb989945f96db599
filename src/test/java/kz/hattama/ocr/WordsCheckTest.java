package kz.hattama.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.hattama.form.Lang;
import kz.hattama.numerals.NumberWords;
import kz.hattama.protocol.NumberCandidate;
import kz.hattama.store.Protocols;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WordsCheckTest {

    /** The largest figure of the built-in form. */
    private static final int MAX = Protocols.FORM.maxValue();

    private static ModelWordsReader reader;
    private static JsonNode index;

    @BeforeAll
    static void load() throws Exception {
        reader = new ModelWordsReader(new WordsReader());
        try (InputStream in = WordsCheckTest.class.getResourceAsStream("/fixtures/words/index.json")) {
            index = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void neighboursAreEveryNumberOneSlipAway() {
        Set<Integer> n = WordsCheck.neighbours(547, MAX);
        assertThat(n.containsAll(List.of(541, 147, 517, 47, 57, 54, 457, 574, 5047, 5477, 1547))).as(n.toString()).isTrue();
        assertThat(n).doesNotContain(547);
        assertThat(n).as("two slips away").doesNotContain(745);
        assertThat(WordsCheck.neighbours(0, MAX).containsAll(List.of(1, 9, 10, 90))).isTrue();
        assertThat(WordsCheck.neighbours(999_999, MAX).stream().allMatch(v -> v >= 0 && v <= 999_999)).isTrue();
    }

    @Test
    void posteriorIsTheFiguresShareOfLikelihoodAmongItsRivals() {
        // The zone reads as 547 a hundred times likelier than as 541, and as nothing else.
        WordsEvidence evidence = v -> v == 547 ? 0 : v == 541 ? Math.log(0.01) : Double.NEGATIVE_INFINITY;
        List<NumberCandidate> digits = List.of(new NumberCandidate(547, 0.4), new NumberCandidate(541, 0.3));
        double p = WordsCheck.of(evidence, digits, List.of(), MAX);
        assertThat(p).isCloseTo(1 / 1.01, within(1e-9));
        List<NumberCandidate> misread = List.of(new NumberCandidate(541, 0.4));
        assertThat(WordsCheck.of(evidence, misread, List.of(), MAX)).isCloseTo(0.01 / 1.01, within(1e-9));
    }

    @Test
    void rivalsIncludeWhatTheWordsWereReadAsEvenFarAway() {
        WordsEvidence evidence = v -> v == 707 ? 0 : v == 101 ? -1 : Double.NEGATIVE_INFINITY;
        List<NumberCandidate> digits = List.of(new NumberCandidate(101, 0.5));
        assertThat(WordsCheck.of(evidence, digits, List.of(new NumberCandidate(707, 0.7)), MAX) < 0.5).isTrue();
        assertThat(WordsCheck.of(evidence, digits, List.of(), MAX) > 0.99).isTrue();
    }

    @Test
    void nothingToAskWithoutEvidenceOrDigits() {
        assertThat(WordsCheck.of(null, List.of(new NumberCandidate(5, 1)), List.of(), MAX)).isEqualTo(0.0);
        assertThat(WordsCheck.of(v -> 0, List.of(), List.of(), MAX)).isEqualTo(0.0);
    }

    /**
     * On the words fixtures (rendered lines and cells, and zones cut from generated protocols), the words back the right figure and
     * refuse every figure one slip away from it, as a misreading of the digits would give.
     */
    @Test
    void protocolZonesBackTheRightFigureAndRefuseItsNeighbours() throws Exception {
        Path dir = Fixtures.crops("words").get(0).getParent();
        List<String> wrong = new ArrayList<>();
        int asked = 0, backed = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Lang lang = Lang.of(e.getValue().get("lang").asText());
            int value = NumberWords.parse(e.getValue().get("text").asText(), lang, 1).get(0).value();
            WordsZoneReader.Reading r = reader.read(Fixtures.grey(dir.resolve(e.getKey())), lang);
            asked++;
            double right = WordsCheck.of(r.evidence(), List.of(new NumberCandidate(value, 0.5)), r.candidates(), MAX);
            backed += right >= 0.5 ? 1 : 0;
            for (int slip : List.copyOf(WordsCheck.neighbours(value, MAX)).subList(0, 12)) {
                double p = WordsCheck.of(r.evidence(), List.of(new NumberCandidate(slip, 0.5)), r.candidates(), MAX);
                if (p >= 0.5) {
                    wrong.add(e.getKey() + ": " + slip + " for " + value + " at " + p);
                }
            }
        }
        assertThat(asked >= 10).as("protocol zones in the fixtures: " + asked).isTrue();
        assertThat(backed >= asked * 0.8).as(backed + " of " + asked + " backed").isTrue();
        assertThat(wrong).isEmpty();
    }
}
