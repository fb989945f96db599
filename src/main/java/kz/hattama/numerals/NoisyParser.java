package kz.hattama.numerals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

import kz.hattama.numerals.Vocabulary.Entry;

/**
 * N-best search for the numbers an OCR'd words line may spell.
 *
 * <p>A dynamic program over positions in the letter string: at each position, for each grammar
 * state, it keeps the few cheapest hypotheses with distinct values. A hypothesis moves on by
 * matching a vocabulary word against any nearby substring (cost: its Levenshtein distance,
 * capped per word so that hopeless matches are not even computed), by dropping one stray letter
 * (cost 1), or by skipping a whole leading/trailing OCR word that is not a number word.
 * Keeping k distinct values per (position, state) rather than one is what makes the result
 * an n-best list: two prefixes that meet in the same state with different values stay different
 * whatever follows, so a prefix beaten by k others there mostly leads to a value beaten by k
 * others. "Mostly", because a few continuations depend on the value (the form of «тысяча» after
 * the count, the Kazakh unit before «жүз»), and the beam drops far-off hypotheses; the caller
 * asks for a few more than it needs to cover both.
 */
final class NoisyParser {

    /** A word starting inside an OCR word: two number words were merged («сорокпять»). */
    static final double MERGE_COST = 0.5;
    /** A word spanning an OCR break: one number word was split («тыся чи»). */
    static final double SPLIT_COST = 0.5;
    /**
     * Skipping a whole leading/trailing OCR word costs less per letter than deleting its letters,
     * since labels and ruling glyphs come as whole tokens, but more than half a letter, so that a
     * real number word with a couple of errors is still read rather than thrown away.
     */
    static final double SKIP_PER_LETTER = 0.6;
    /** Hypotheses this much worse than the best one at the same position are dropped. */
    static final double BEAM = 6.0;

    /** One complete reading before normalization. */
    record Hit(int value, double raw, boolean explicitOne) {
    }

    private static final int MAX_THRESHOLD = 4;
    /** Letter counts by bucket; letters sharing a bucket only weaken the bound, never break it. */
    private static final int BAG_MASK = 63;
    private static final LevenshteinDistance[] LEVENSHTEIN = new LevenshteinDistance[MAX_THRESHOLD + 1];

    static {
        for (int t = 1; t <= MAX_THRESHOLD; t++) {
            LEVENSHTEIN[t] = new LevenshteinDistance(t);
        }
    }

    /**
     * Edits a word may carry and still be read as that word. Half its length: a short word with
     * two wrong letters out of three is no longer evidence for anything. At most
     * {@value #MAX_THRESHOLD}: a long word that far gone cannot be told from its neighbours
     * (семнадцать/семьдесят) anyway, and the cap cuts the search time by a quarter.
     */
    static int threshold(String word) {
        return Math.min(MAX_THRESHOLD, Math.max(1, word.length() / 2));
    }

    private final OcrText text;
    private final Vocabulary vocab;
    private final Grammar grammar;
    private final int k;
    private final int n;

    private final double[] cost;
    private final int[] value;
    private final boolean[] explicit;
    private final int[] size;

    /** Per entry, the Levenshtein distances from the current position, by span length. */
    private final int[][] dist;
    private final int[] distAt;
    private final Slice slice;
    private final int[] bagScratch = new int[BAG_MASK + 1];
    /** At a word break: the OCR word starting there is a vocabulary word as it stands. */
    private final boolean[] numberWordAt;

    private NoisyParser(OcrText text, Vocabulary vocab, Grammar grammar, int k) {
        this.text = text;
        this.vocab = vocab;
        this.grammar = grammar;
        this.k = k;
        this.n = text.length();
        int cells = (n + 1) * Grammar.STATES;
        cost = new double[cells * k];
        value = new int[cells * k];
        explicit = new boolean[cells * k];
        size = new int[cells];
        int entries = vocab.entries.size();
        dist = new int[entries][];
        distAt = new int[entries];
        Arrays.fill(distAt, -1);
        slice = new Slice(text.letters());
        numberWordAt = new boolean[n + 1];
        for (int p = 0; p < n; p = text.nextBoundary(p)) {
            numberWordAt[p] = vocab.byFlat.containsKey(text.token(p, text.nextBoundary(p)));
        }
    }

    /** Up to {@code k} best readings by raw cost, distinct values, in no particular order. */
    static List<Hit> search(OcrText text, Vocabulary vocab, Grammar grammar, int k) {
        return new NoisyParser(text, vocab, grammar, k).run();
    }

    private List<Hit> run() {
        add(0, Grammar.START, 0.0, 0, false);
        List<Entry> entries = vocab.entries;
        for (int p = 0; p < n; p++) {
            double limit = bestAt(p) + BEAM;
            for (int state = 0; state < Grammar.STATES; state++) {
                int cell = p * Grammar.STATES + state;
                int base = cell * k;
                for (int i = 0; i < size[cell]; i++) {
                    double c = cost[base + i];
                    if (c > limit) {
                        continue;
                    }
                    int v = value[base + i];
                    boolean x = explicit[base + i];
                    add(p + 1, state, c + 1.0, v, x);
                    if (text.isBoundary(p)) {
                        skipToken(p, state, c, v, x);
                    }
                    for (int e = 0; e < entries.size(); e++) {
                        long step = grammar.step(state, v, entries.get(e));
                        if (step != Grammar.NONE) {
                            matchWord(p, e, c, x, step);
                        }
                    }
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int state = 0; state < Grammar.STATES; state++) {
            if (!Grammar.accepts(state)) {
                continue;
            }
            int cell = n * Grammar.STATES + state;
            for (int i = 0; i < size[cell]; i++) {
                int at = cell * k + i;
                hits.add(new Hit(value[at], cost[at], explicit[at]));
            }
        }
        return hits;
    }

    private double bestAt(int p) {
        double best = Double.POSITIVE_INFINITY;
        int from = p * Grammar.STATES;
        for (int cell = from; cell < from + Grammar.STATES; cell++) {
            for (int i = 0; i < size[cell]; i++) {
                best = Math.min(best, cost[cell * k + i]);
            }
        }
        return best;
    }

    private void skipToken(int p, int state, double c, int v, boolean x) {
        if (numberWordAt[p]) {
            // A correctly spelled number word is not noise; leaving it out («двенадцать три»
            // read as 12) must cost as much as deleting it letter by letter.
            return;
        }
        int next = text.nextBoundary(p);
        double skipped = c + SKIP_PER_LETTER * (next - p);
        if (state == Grammar.START) {
            add(next, Grammar.START, skipped, v, x);
        } else if (Grammar.accepts(state)) {
            add(next, Grammar.TRAIL, skipped, v, x);
        }
    }

    private void matchWord(int p, int e, double c, boolean x, long step) {
        String word = vocab.entries.get(e).flat();
        int t = threshold(word);
        int minSpan = Math.max(1, word.length() - t);
        int[] d = distancesAt(e, p, word, t, minSpan);
        int to = Grammar.state(step);
        int v = Grammar.value(step);
        boolean x2 = x || Grammar.explicitOne(step);
        double merge = text.isBoundary(p) ? 0.0 : MERGE_COST;
        for (int i = 0; i < d.length; i++) {
            if (d[i] < 0) {
                continue;
            }
            int j = p + minSpan + i;
            add(j, to, c + d[i] + merge + SPLIT_COST * text.boundariesBetween(p, j), v, x2);
        }
    }

    private int[] distancesAt(int e, int p, String word, int t, int minSpan) {
        if (distAt[e] == p) {
            return dist[e];
        }
        int maxSpan = Math.min(word.length() + t, n - p);
        int[] d = new int[Math.max(0, maxSpan - minSpan + 1)];
        // The bag distance (letters one side has that the other lacks) never exceeds the edit
        // distance and is updated in O(1) per extra letter of the span, so it rules out most
        // (word, span) pairs before the comparatively dear Levenshtein call.
        int[] diff = bagScratch;
        Arrays.fill(diff, 0);
        for (int i = 0; i < word.length(); i++) {
            diff[word.charAt(i) & BAG_MASK]++;
        }
        int wordExcess = word.length();
        int spanExcess = 0;
        char[] letters = text.letters();
        for (int j = p; j < p + maxSpan; j++) {
            int b = letters[j] & BAG_MASK;
            if (diff[b] > 0) {
                wordExcess--;
            } else {
                spanExcess++;
            }
            diff[b]--;
            int span = j + 1 - p;
            if (span >= minSpan) {
                d[span - minSpan] = Math.max(wordExcess, spanExcess) > t ? -1
                        : LEVENSHTEIN[t].apply(word, slice.of(p, span));
            }
        }
        dist[e] = d;
        distAt[e] = p;
        return d;
    }

    /** Keeps the k cheapest distinct values per (position, state). */
    private void add(int p, int state, double c, int v, boolean x) {
        int cell = p * Grammar.STATES + state;
        int base = cell * k;
        int count = size[cell];
        int worst = -1;
        for (int i = 0; i < count; i++) {
            if (value[base + i] == v) {
                if (c < cost[base + i]) {
                    cost[base + i] = c;
                    explicit[base + i] = x;
                }
                return;
            }
            if (worst < 0 || cost[base + i] > cost[base + worst]) {
                worst = i;
            }
        }
        int at;
        if (count < k) {
            at = base + count;
            size[cell] = count + 1;
        } else if (c < cost[base + worst]) {
            at = base + worst;
        } else {
            return;
        }
        cost[at] = c;
        value[at] = v;
        explicit[at] = x;
    }

    /** A reusable window on the letters, so that trying thousands of spans allocates nothing. */
    private static final class Slice implements CharSequence {
        private final char[] chars;
        private int from;
        private int length;

        Slice(char[] chars) {
            this.chars = chars;
        }

        Slice of(int from, int length) {
            this.from = from;
            this.length = length;
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return chars[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(chars, from + start, end - start);
        }

        @Override
        public String toString() {
            return new String(chars, from, length);
        }
    }
}
