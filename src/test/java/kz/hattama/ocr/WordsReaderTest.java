package kz.hattama.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fixtures: words crops rendered by training/words/make_fixtures.py with seed 100 (no training
 * seed) and words zones cut from protocols generated with seed 777 (not the dev set);
 * fixtures/words/index.json holds their texts.
 */
class WordsReaderTest {

    private static WordsReader reader;
    private static JsonNode index;

    @BeforeAll
    static void load() throws Exception {
        reader = new WordsReader();
        try (InputStream in = WordsReaderTest.class.getResourceAsStream("/fixtures/words/index.json")) {
            index = new ObjectMapper().readTree(in);
        }
    }

    private static Mat crop(String name) throws Exception {
        Path dir = Fixtures.crops("words").get(0).getParent();
        return Fixtures.grey(dir.resolve(name));
    }

    @Test
    void javaPreprocessingEqualsPython() throws Exception {
        LinePreprocessor pre = new LinePreprocessor(WordsReader.WIDTH);
        for (Path p : Fixtures.crops("words")) {
            float[] got = pre.apply(Fixtures.grey(p));
            byte[] exp = LinePreprocessor.bytes(Fixtures.grey(Path.of(p.toString().replace(".png", ".pre.png"))));
            int diff = 0;
            for (int i = 0; i < exp.length; i++) {
                if (Math.round(got[i] * 255f) != (exp[i] & 0xff)) {
                    diff++;
                }
            }
            assertThat(diff).as(p.getFileName().toString()).isEqualTo(0);
        }
    }

    /** The text and, for protocol zones, its other spelling (with or without «одна»/«бір»). */
    private static List<String> spellings(JsonNode v) {
        List<String> out = new ArrayList<>(List.of(v.get("text").asText()));
        if (v.has("alternatives")) {
            v.get("alternatives").forEach(a -> out.add(a.asText()));
        }
        return out;
    }

    /** The reconciliation's question: do the words of the right number explain the crop best? */
    @Test
    void rightNumberWordsScoreAboveNearMisses() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Mat m = crop(e.getKey());
            float[][] lp = reader.logProbs(m);
            String text = null;
            double right = Double.NEGATIVE_INFINITY;
            for (String s : spellings(e.getValue())) {  // the spelling the writer used
                double l = Ctc.logLikelihood(lp, WordsReader.ALPHABET, s);
                if (l > right) {
                    right = l;
                    text = s;
                }
            }
            for (String miss : nearMisses(text)) {
                if (Ctc.logLikelihood(lp, WordsReader.ALPHABET, miss) >= right) {
                    wrong.add(e.getKey() + ": '" + text + "' <= '" + miss + "'");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void readsMostFixturesClosely() throws Exception {
        int chars = 0, errors = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = index.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String got = reader.readBest(crop(e.getKey()));
            int best = Integer.MAX_VALUE;
            for (String s : spellings(e.getValue())) {
                best = Math.min(best, distance(got, s));
            }
            chars += e.getValue().get("text").asText().length();
            errors += best;
        }
        double cer = errors / (double) chars;
        System.out.printf("WordsReader fixtures CER %.3f%n", cer);
        assertThat(cer < 0.10).as("character error rate " + cer).isTrue();
    }

    @Test
    void scoreNormalisesCaseAndSpaces() throws Exception {
        Map.Entry<String, JsonNode> e = index.fields().next();
        Mat m = crop(e.getKey());
        String text = e.getValue().get("text").asText();
        assertThat(reader.score(m, "  " + text.toUpperCase(java.util.Locale.ROOT).replace(" ", "   "))).isCloseTo(reader.score(m, text), within(1e-9));
    }

    /** Another word swapped in for one of the text's words: a unit, a ten or a hundred off. */
    static List<String> nearMisses(String text) {
        String[][] swaps = {{"один", "два"}, {"два", "три"}, {"три", "четыре"}, {"пять", "шесть"}, {"семь", "восемь"},
                {"сорок", "пятьдесят"}, {"двадцать", "тридцать"}, {"сто", "двести"}, {"тысяча", "тысячи"},
                {"бір", "екі"}, {"екі", "үш"}, {"бес", "алты"}, {"жеті", "сегіз"}, {"тоғыз", "он"}, {"жиырма", "отыз"},
                {"қырық", "елу"}, {"жүз", "мың"}, {"алпыс", "жетпіс"}};
        List<String> out = new ArrayList<>();
        String[] w = text.split(" ");
        for (int i = 0; i < w.length; i++) {
            for (String[] s : swaps) {
                for (int d = 0; d < 2; d++) {
                    if (w[i].equals(s[d])) {
                        String[] c = w.clone();
                        c[i] = s[1 - d];
                        out.add(String.join(" ", c));
                    }
                }
            }
        }
        if (w.length > 1) {
            out.add(text.substring(0, text.lastIndexOf(' ')));  // last word dropped
        }
        return out;
    }

    static int distance(String a, String b) {
        int[] d = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            d[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int prev = d[0];
            d[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int t = d[j];
                d[j] = Math.min(Math.min(d[j] + 1, d[j - 1] + 1), prev + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                prev = t;
            }
        }
        return d[b.length()];
    }
}
