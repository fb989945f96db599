package kz.hattama.ocr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fixtures: crops rendered by training/digits/make_fixtures.py with seed 100 (no training seed)
 * and zones cut from protocols generated with seed 777 (not the dev set), named
 * {@code <typed|hand>-<digits>-<source>.png}; a {@code hard-} prefix marks a crop whose truth need
 * only be among the five best readings (a tiny faint 2, say), or, where it is not, whose best
 * reading is unsure: a hard crop may go to a person, never be read wrong with confidence.
 */
class DigitReaderTest {

    private static DigitReader reader;
    private static List<Path> crops;
    /** Below this a reading is far from anything the reconciler accepts without words agreeing. */
    private static final double HARD_UNSURE = 0.9;

    @BeforeAll
    static void load() throws Exception {
        reader = new DigitReader();
        crops = Fixtures.crops("digits");
    }

    @Test
    void readsEveryFixture() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Path p : crops) {
            List<DigitCandidate> c = reader.read(Fixtures.grey(p), 5);
            assertThat(c).isNotEmpty();
            String truth = Fixtures.truth(p);
            boolean ok = Fixtures.hard(p)
                    ? c.stream().anyMatch(d -> d.digits().equals(truth)) || c.get(0).probability() < HARD_UNSURE
                    : c.get(0).digits().equals(truth);
            if (!ok) {
                wrong.add(p.getFileName() + " read " + c);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void candidatesAreSortedProbabilities() throws Exception {
        for (Path p : crops) {
            Mat crop = Fixtures.grey(p);
            List<DigitCandidate> c = reader.read(crop, 5);
            double sum = 0;
            for (int i = 0; i < c.size(); i++) {
                double pr = c.get(i).probability();
                assertThat(pr >= 0 && pr <= 1).as(c.toString()).isTrue();
                if (i > 0) {
                    assertThat(c.get(i - 1).probability() >= pr).as(c.toString()).isTrue();
                }
                sum += pr;
            }
            assertThat(sum <= 1.0 + 1e-6).as("probabilities of distinct strings sum to at most 1: " + c).isTrue();
            assertThat(reader.score(crop, c.get(0).digits())).isCloseTo(Math.log(c.get(0).probability()), within(1e-6));
        }
    }

    @Test
    void rightStringScoresAboveNearMisses() throws Exception {
        for (Path p : crops) {
            if (Fixtures.hard(p)) {
                continue;
            }
            Mat crop = Fixtures.grey(p);
            String truth = Fixtures.truth(p);
            double right = reader.score(crop, truth);
            for (String wrong : nearMisses(truth)) {
                assertThat(right > reader.score(crop, wrong)).as(p.getFileName() + ": " + truth + " vs " + wrong).isTrue();
            }
        }
    }

    @Test
    void blankPaperReadsAsNothingLikely() {
        Mat blank = new Mat(66, 350, CvType.CV_8UC1, new Scalar(235));
        List<DigitCandidate> c = reader.read(blank, 3);
        assertThat(c.get(0).digits()).isEqualTo("");
    }

    /** One digit changed (+1), one dropped, one doubled. */
    static List<String> nearMisses(String s) {
        List<String> out = new ArrayList<>();
        int i = s.length() / 2;
        out.add(s.substring(0, i) + (char) ('0' + (s.charAt(i) - '0' + 1) % 10) + s.substring(i + 1));
        if (s.length() > 1) {
            out.add(s.substring(0, i) + s.substring(i + 1));
        }
        out.add(s.substring(0, i + 1) + s.charAt(i) + s.substring(i + 1));
        return out;
    }
}
