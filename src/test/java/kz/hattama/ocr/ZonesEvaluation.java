package kz.hattama.ocr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opencv.core.Mat;

/**
 * Java-side accuracy on zones cut by training/eval/dev_zones.py; a measurement, not a test:
 * {@code mvn -o test -Dtest=ZonesEvaluation -Dhattama.zones=/tmp/devz}.
 */
@EnabledIfSystemProperty(named = "hattama.zones", matches = ".+")
class ZonesEvaluation {

    @Test
    void digits() throws Exception {
        Path dir = Path.of(System.getProperty("hattama.zones"));
        DigitReader reader = new DigitReader();
        ObjectMapper om = new ObjectMapper();
        Map<String, int[]> stats = new TreeMap<>();
        long nanos = 0;
        for (String line : Files.readAllLines(dir.resolve("zones.jsonl"))) {
            JsonNode r = om.readTree(line);
            Mat crop = Fixtures.grey(dir.resolve(r.get("png").asText() + "__digits.png"));
            long t0 = System.nanoTime();
            List<DigitCandidate> c = reader.read(crop, 5);
            nanos += System.nanoTime() - t0;
            boolean ok = c.get(0).digits().equals(r.get("digits").asText());
            String kind = (r.get("handwritten").asBoolean() ? "hand-" : "typed-") + r.get("capture").asText();
            for (String k : new String[] {"all", kind}) {
                int[] s = stats.computeIfAbsent(k, x -> new int[2]);
                s[0] += ok ? 1 : 0;
                s[1]++;
            }
            if (!ok) {
                System.out.println("wrong " + r.get("png").asText() + " " + r.get("digits").asText() + " -> " + c);
            }
        }
        stats.forEach((k, s) -> System.out.printf("%-12s %.3f (%d/%d)%n", k, s[0] / (double) s[1], s[0], s[1]));
        System.out.printf("%.1f ms per zone%n", nanos / 1e6 / stats.get("all")[1]);
    }

    @Test
    void words() throws Exception {
        Path dir = Path.of(System.getProperty("hattama.zones"));
        WordsReader reader = new WordsReader();
        ObjectMapper om = new ObjectMapper();
        int n = 0, exact = 0;
        long read = 0, score = 0;
        for (String line : Files.readAllLines(dir.resolve("zones.jsonl"))) {
            JsonNode r = om.readTree(line);
            Mat crop = Fixtures.grey(dir.resolve(r.get("png").asText() + "__words.png"));
            long t0 = System.nanoTime();
            String got = reader.readBest(crop);
            long t1 = System.nanoTime();
            reader.score(crop, r.get("words").get(0).asText());
            score += System.nanoTime() - t1;
            read += t1 - t0;
            n++;
            for (JsonNode w : r.get("words")) {
                if (w.asText().equals(got)) {
                    exact++;
                    break;
                }
            }
        }
        System.out.printf("words exact %.3f (%d/%d), readBest %.1f ms, score %.1f ms per zone%n",
                exact / (double) n, exact, n, read / 1e6 / n, score / 1e6 / n);
    }
}
