package kz.hattama.numerals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import kz.hattama.form.Lang;

/**
 * Cardinal numbers 0 … 999 999 in words, Russian and Kazakh, as an election commission writes
 * them in a protocol: writing them, and reading them back from noisy OCR text.
 *
 * <h2>Cost of a reading</h2>
 * The raw cost is the sum of
 * <ul>
 *   <li>the Levenshtein distance between each number word and the letters it was matched to
 *       (a word matches only within half its length in edits, at most 4),</li>
 *   <li>1 per stray letter matched to no word,</li>
 *   <li>{@value NoisyParser#MERGE_COST} per word boundary inside an OCR word (merged words) and
 *       {@value NoisyParser#SPLIT_COST} per OCR break inside a number word (split words),</li>
 *   <li>{@value NoisyParser#SKIP_PER_LETTER} per letter of whole leading/trailing OCR words
 *       left out of the number (labels, ruling read as letters); a correctly spelled number
 *       word is never left out this cheaply.</li>
 * </ul>
 * computed after dropping non-letters and folding letters OCR confuses (Latin look-alikes, a
 * lone digit or bar inside a word, Kazakh letters without their diacritics, ё/е, case), which
 * cost nothing. {@link NumberReading#cost()} is the raw cost divided by the number of letters
 * of the reading's canonical words, so one wrong letter weighs less in «двадцать семь тысяч
 * пятьсот двенадцать» than in «сто». It is 0.0 exactly when the folded text is the number's
 * words with their breaks; «один»/«одна» and «два»/«две» count as the same word.
 */
public final class NumberWords {

    /**
     * Readings costing more than this are not evidence for their number: about one letter in
     * three wrong. Typical Tesseract damage (a wrong or missing letter per word or two, merged
     * words) stays below 0.15; signatures, labels and ruling come out above 0.45.
     */
    public static final double MAX_PLAUSIBLE_COST = 0.35;

    public static final int MAX_VALUE = 999_999;

    /**
     * Extra candidates the search keeps beyond what the caller asked for: it ranks by raw cost
     * while the result is ranked by normalized cost, and its per-state n-best is not exact
     * where the grammar looks at the value read so far (see {@link NoisyParser}).
     */
    private static final int POOL_SLACK = 4;

    private static final Map<Lang, Grammar> GRAMMARS = Map.of(
            Lang.RU, new Grammar(Vocabulary.RU), Lang.KK, new Grammar(Vocabulary.KK));

    private NumberWords() {
    }

    /** Words for n (0..999999). explicitOne: write the leading «одна»/«бір» before тысяча/мың/жүз. */
    public static String toWords(int n, Lang lang, boolean explicitOne) {
        Objects.requireNonNull(lang, "lang");
        if (n < 0 || n > MAX_VALUE) {
            throw new IllegalArgumentException("Number out of range 0.." + MAX_VALUE + ": " + n);
        }
        return Vocabulary.of(lang).toWords(n, explicitOne);
    }

    /**
     * N-best numbers for an OCR'd words text, best (lowest cost) first, at most max entries,
     * distinct values. Empty list if nothing number-like. Ties in cost go to the smaller value,
     * so the order is deterministic.
     */
    public static List<NumberReading> parse(String text, Lang lang, int max) {
        Objects.requireNonNull(lang, "lang");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        if (text == null) {
            return List.of();
        }
        OcrText ocr = OcrText.of(text);
        if (ocr.length() == 0) {
            return List.of();
        }
        Vocabulary vocab = Vocabulary.of(lang);
        Grammar grammar = GRAMMARS.get(lang);
        if (max == 1) {
            // Clean text needs no search, and most lines a form reader sees are clean.
            long exact = exactReading(ocr, vocab, grammar);
            if (exact != Grammar.NONE) {
                int value = Grammar.value(exact);
                return List.of(new NumberReading(value, 0.0, vocab.toWords(value, Grammar.explicitOne(exact))));
            }
        }
        Map<Integer, NumberReading> best = new HashMap<>();
        for (NoisyParser.Hit hit : NoisyParser.search(ocr, vocab, grammar, max + POOL_SLACK)) {
            String canonical = vocab.toWords(hit.value(), hit.explicitOne());
            NumberReading reading = new NumberReading(hit.value(), hit.raw() / letterCount(canonical), canonical);
            best.merge(hit.value(), reading, (a, b) -> a.cost() <= b.cost() ? a : b);
        }
        List<NumberReading> readings = new ArrayList<>(best.values());
        readings.sort(Comparator.comparingDouble(NumberReading::cost).thenComparingInt(NumberReading::value));
        return List.copyOf(readings.subList(0, Math.min(max, readings.size())));
    }

    /** The number the OCR words spell word for word, or {@link Grammar#NONE}. */
    private static long exactReading(OcrText ocr, Vocabulary vocab, Grammar grammar) {
        long at = Grammar.pack(Grammar.START, 0, false);
        boolean explicitOne = false;
        for (int p = 0; p < ocr.length(); ) {
            int q = ocr.nextBoundary(p);
            Vocabulary.Entry word = vocab.byFlat.get(ocr.token(p, q));
            if (word == null) {
                return Grammar.NONE;
            }
            at = grammar.step(Grammar.state(at), Grammar.value(at), word);
            if (at == Grammar.NONE) {
                return Grammar.NONE;
            }
            explicitOne |= Grammar.explicitOne(at);
            p = q;
        }
        return Grammar.accepts(Grammar.state(at)) ? Grammar.pack(Grammar.state(at), Grammar.value(at), explicitOne) : Grammar.NONE;
    }

    private static int letterCount(String words) {
        int letters = 0;
        for (int i = 0; i < words.length(); i++) {
            if (words.charAt(i) != ' ') {
                letters++;
            }
        }
        return letters;
    }
}
