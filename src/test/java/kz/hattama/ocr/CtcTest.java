package kz.hattama.ocr;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CtcTest {

    private static final String AB = "ab";

    /** Random log-softmax columns over blank, a, b. */
    private static float[][] randomLogp(long seed, int t) {
        Random r = new Random(seed);
        float[][] lp = new float[t][3];
        for (int i = 0; i < t; i++) {
            double[] e = new double[3];
            double s = 0;
            for (int c = 0; c < 3; c++) {
                e[c] = Math.exp(r.nextGaussian() * 2);
                s += e[c];
            }
            for (int c = 0; c < 3; c++) {
                lp[i][c] = (float) Math.log(e[c] / s);
            }
        }
        return lp;
    }

    /** P(text) by enumerating every path of length T and collapsing it. */
    private static double bruteForce(float[][] lp, String text) {
        int t = lp.length;
        double total = 0;
        int paths = (int) Math.pow(3, t);
        for (int p = 0; p < paths; p++) {
            int code = p;
            double prob = 1;
            StringBuilder sb = new StringBuilder();
            int prev = 0;
            for (int i = 0; i < t; i++) {
                int c = code % 3;
                code /= 3;
                prob *= Math.exp(lp[i][c]);
                if (c != 0 && c != prev) {
                    sb.append(AB.charAt(c - 1));
                }
                prev = c;
            }
            if (sb.toString().equals(text)) {
                total += prob;
            }
        }
        return total;
    }

    @Test
    void forwardAlgorithmEqualsSumOverAllAlignments() {
        for (long seed = 1; seed <= 5; seed++) {
            float[][] lp = randomLogp(seed, 6);
            for (String s : new String[] {"", "a", "ab", "aa", "aba", "bb", "abab"}) {
                double expected = bruteForce(lp, s);
                double got = Math.exp(Ctc.logLikelihood(lp, AB, s));
                assertThat(got).as("P(" + s + ") seed " + seed).isCloseTo(expected, within(1e-9 + 1e-6 * expected));
            }
        }
    }

    @Test
    void beamSearchFindsTheMostProbableStrings() {
        float[][] lp = randomLogp(7, 6);
        List<Ctc.Hypothesis> hs = Ctc.beamSearch(lp, AB, 64, 5);
        String best = null;
        double bestP = -1;
        for (String s : new String[] {"", "a", "b", "aa", "ab", "ba", "bb", "aab", "aba", "abb", "baa", "bab", "bba", "aaa", "bbb", "abab", "baba"}) {
            double p = bruteForce(lp, s);
            if (p > bestP) {
                bestP = p;
                best = s;
            }
        }
        assertThat(hs.get(0).text()).isEqualTo(best);
        assertThat(Math.exp(hs.get(0).logProb())).isCloseTo(bestP, within(1e-6));
        for (int i = 1; i < hs.size(); i++) {
            assertThat(hs.get(i - 1).logProb() >= hs.get(i).logProb()).as("sorted best first").isTrue();
        }
    }

    @Test
    void unknownCharacterHasZeroProbability() {
        assertThat(Ctc.logLikelihood(randomLogp(3, 4), AB, "ac")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    /** Thousands of columns: a product of probabilities this long underflows unless rescaled. */
    @Test
    void longCropsDoNotUnderflow() {
        float[][] lp = randomLogp(11, 3000);
        double blanks = 0;
        for (float[] col : lp) {
            blanks += col[0];
        }
        assertThat(blanks < -1000).as("the all-blank path alone is far below a double's range: " + blanks).isTrue();
        assertThat(Ctc.logLikelihood(lp, AB, "")).isCloseTo(blanks, within(1e-6 * -blanks));
        double ab = Ctc.logLikelihood(lp, AB, "abab");
        assertThat(Double.isFinite(ab) && ab < 0).as("finite log-likelihood: " + ab).isTrue();
    }
}
