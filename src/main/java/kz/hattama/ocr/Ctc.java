package kz.hattama.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CTC decoding over per-column log-probabilities {@code logp[t][c]}, class 0 = blank and class
 * i = alphabet character i - 1.
 */
public final class Ctc {

    private Ctc() {
    }

    /** One decoded string with its log-probability P(text | crop) under the model. */
    public record Hypothesis(String text, double logProb) {
    }

    /**
     * Prefix beam search. Candidates come back best first, each with its exact log-likelihood
     * (forward algorithm), not the beam's approximation: every alignment of the string counts,
     * so the values are probabilities over all strings and comparable between crops.
     */
    public static List<Hypothesis> beamSearch(float[][] logp, String alphabet, int beam, int max) {
        // prefix -> {log P(ends in blank), log P(ends in non-blank)}
        Map<String, double[]> beams = new HashMap<>();
        beams.put("", new double[] {0.0, Double.NEGATIVE_INFINITY});
        int classes = alphabet.length() + 1;
        for (float[] col : logp) {
            Map<String, double[]> next = new HashMap<>();
            for (Map.Entry<String, double[]> e : beams.entrySet()) {
                String prefix = e.getKey();
                double pb = e.getValue()[0], pnb = e.getValue()[1];
                double total = logAdd(pb, pnb);
                // blank: the prefix stays
                double[] same = next.computeIfAbsent(prefix, k -> new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
                same[0] = logAdd(same[0], total + col[0]);
                char last = prefix.isEmpty() ? 0 : prefix.charAt(prefix.length() - 1);
                for (int c = 1; c < classes; c++) {
                    double lp = col[c];
                    if (lp < -30) {  // e^-30: cannot matter against the beam
                        continue;
                    }
                    char ch = alphabet.charAt(c - 1);
                    if (ch == last) {
                        // repeating without a blank collapses into the same prefix
                        same[1] = logAdd(same[1], pnb + lp);
                        double[] ext = next.computeIfAbsent(prefix + ch, k -> new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
                        ext[1] = logAdd(ext[1], pb + lp);
                    } else {
                        double[] ext = next.computeIfAbsent(prefix + ch, k -> new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
                        ext[1] = logAdd(ext[1], total + lp);
                    }
                }
            }
            beams = prune(next, beam);
        }
        List<String> prefixes = new ArrayList<>(beams.keySet());
        List<Hypothesis> out = new ArrayList<>();
        Scorer scorer = new Scorer(logp, alphabet);
        for (String p : prefixes) {
            out.add(new Hypothesis(p, scorer.logLikelihood(p)));
        }
        out.sort(Comparator.comparingDouble(Hypothesis::logProb).reversed().thenComparing(Hypothesis::text));
        return out.size() > max ? new ArrayList<>(out.subList(0, max)) : out;
    }

    private static Map<String, double[]> prune(Map<String, double[]> m, int beam) {
        if (m.size() <= beam) {
            return m;
        }
        List<Map.Entry<String, double[]>> es = new ArrayList<>(m.entrySet());
        es.sort(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -logAdd(e.getValue()[0], e.getValue()[1]))
                .thenComparing(Map.Entry::getKey));
        Map<String, double[]> out = new HashMap<>();
        for (int i = 0; i < beam; i++) {
            out.put(es.get(i).getKey(), es.get(i).getValue());
        }
        return out;
    }

    /** log P(text | crop): the CTC forward algorithm. -Infinity if a character is not in the alphabet. */
    public static double logLikelihood(float[][] logp, String alphabet, String text) {
        return new Scorer(logp, alphabet).logLikelihood(text);
    }

    /**
     * The forward algorithm over one crop for many texts. It works on probabilities rescaled at
     * every column rather than on logarithms: the same result without a logarithm per step, which
     * matters when a words zone is asked about a hundred numbers.
     */
    public static final class Scorer {

        private final double[][] p;
        private final String alphabet;

        public Scorer(float[][] logp, String alphabet) {
            this.alphabet = alphabet;
            this.p = new double[logp.length][];
            for (int t = 0; t < logp.length; t++) {
                p[t] = new double[logp[t].length];
                for (int c = 0; c < logp[t].length; c++) {
                    p[t][c] = Math.exp(logp[t][c]);
                }
            }
        }

        /** log P(text | crop); -Infinity if a character is not in the alphabet or cannot fit. */
        public double logLikelihood(String text) {
            int n = text.length();
            int[] lab = new int[2 * n + 1];  // blank, c1, blank, c2, ..., blank
            for (int i = 0; i < n; i++) {
                int k = alphabet.indexOf(text.charAt(i));
                if (k < 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                lab[2 * i + 1] = k + 1;
            }
            int S = lab.length, T = p.length;
            if (T == 0) {
                return n == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
            }
            double[] a = new double[S];
            a[0] = p[0][0];
            if (S > 1) {
                a[1] = p[0][lab[1]];
            }
            double log = rescale(a);
            double[] b = new double[S];
            for (int t = 1; t < T; t++) {
                double[] col = p[t];
                for (int s = 0; s < S; s++) {
                    double v = a[s];
                    if (s >= 1) {
                        v += a[s - 1];
                    }
                    if (s >= 2 && lab[s] != 0 && lab[s] != lab[s - 2]) {
                        v += a[s - 2];
                    }
                    b[s] = v * col[lab[s]];
                }
                double[] tmp = a;
                a = b;
                b = tmp;
                double c = rescale(a);
                if (c == Double.NEGATIVE_INFINITY) {
                    return c;
                }
                log += c;
            }
            double end = S > 1 ? a[S - 1] + a[S - 2] : a[S - 1];
            return end > 0 ? log + Math.log(end) : Double.NEGATIVE_INFINITY;
        }

        /** Divides by the sum and returns its logarithm, -Infinity where nothing is left. */
        private static double rescale(double[] a) {
            double sum = 0;
            for (double v : a) {
                sum += v;
            }
            if (sum <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            for (int i = 0; i < a.length; i++) {
                a[i] /= sum;
            }
            return Math.log(sum);
        }
    }

    /** Best path: the most likely class per column, repeats merged, blanks dropped. */
    public static String greedy(float[][] logp, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int prev = 0;
        for (float[] col : logp) {
            int best = 0;
            for (int c = 1; c < col.length; c++) {
                if (col[c] > col[best]) {
                    best = c;
                }
            }
            if (best != prev && best != 0) {
                sb.append(alphabet.charAt(best - 1));
            }
            prev = best;
        }
        return sb.toString();
    }

    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }
}
