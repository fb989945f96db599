package kz.hattama.ocr;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form's precinct line («по избирательному участку № {n}», «№ {n} сайлау учаскесі бойынша») matched against a
 * line as OCR read it: which figure of the line stands where the form prints the precinct number, and how many of the
 * form's words around it were found. A figure with no form words beside it (the decree's «№ 29/336», a school's
 * «№ 12» in the address) is not the precinct, however clearly it was read.
 */
public final class PrecinctPattern {

    /** Where the form prints the number. */
    static final String PLACEHOLDER = "{n}";
    private static final String SIGN = "№";
    /** «№» as OCR reads it: N, No, N°, Nº, Ne, M, Mo and their Cyrillic look-alikes. */
    private static final Set<String> SIGNS = java.util.stream.Stream.of("№", "N", "No", "N°", "Nº", "Ne", "М", "Мо", "Н", "Но")
            .map(PrecinctPattern::fold).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Pattern SIGN_AND_NUMBER = Pattern.compile("^(№|[NnМмMН][oоeе°º]?)[.:]?(\\d+)$");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[«»\"'(),.;:]+|[«»\"'(),.;:]+$");
    /** How many tokens beyond the form's words are searched on each side, for a word OCR split or added. */
    private static final int SLACK = 1;
    private static final LevenshteinDistance ONE = new LevenshteinDistance(1);
    private static final LevenshteinDistance TWO = new LevenshteinDistance(2);

    private final List<String> before;
    private final List<String> after;

    PrecinctPattern(String pattern) {
        int at = pattern.indexOf(PLACEHOLDER);
        if (at < 0) {
            throw new IllegalArgumentException("precinct pattern without " + PLACEHOLDER + ": " + pattern);
        }
        this.before = words(pattern.substring(0, at));
        this.after = words(pattern.substring(at + PLACEHOLDER.length()));
    }

    /** The form's pattern for a language; a form without one has just «№ {n}». */
    public static PrecinctPattern of(FormDefinition form, Lang lang) {
        String p = form.precinct() == null ? null : form.precinct().get(lang.code());
        return new PrecinctPattern(p == null ? SIGN + " " + PLACEHOLDER : p);
    }

    /**
     * A figure of the line in the precinct's place.
     *
     * @param word    index of the word (as given) that holds the figure
     * @param number  the figure, without leading zeros
     * @param matched how many of the form's words around it were found, in order
     * @param total   how many words the form prints around it
     */
    public record Match(int word, String number, int matched, int total) {

        /** At least two of the form's words, and half of them, stand where the form puts them. */
        public boolean anchored() {
            return matched >= 2 && 2 * matched >= total;
        }
    }

    /** The best-anchored figure among {@code words} (one line, in reading order); empty when no figure has a form word beside it. */
    public Optional<Match> find(List<String> words) {
        List<String> tokens = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = EDGE_PUNCTUATION.matcher(words.get(i).strip()).replaceAll("");
            Matcher m = SIGN_AND_NUMBER.matcher(w);
            if (m.matches()) {
                tokens.add(SIGN);
                origin.add(i);
                w = m.group(2);
            }
            if (!w.isEmpty()) {
                tokens.add(w);
                origin.add(i);
            }
        }
        Match best = null;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (!t.matches("\\d{1,9}")) {
                continue;
            }
            int matched = aligned(reversed(tokens.subList(Math.max(0, i - before.size() - SLACK), i)), reversed(before))
                    + aligned(tokens.subList(i + 1, Math.min(tokens.size(), i + 1 + after.size() + SLACK)), after);
            if (matched > 0 && (best == null || matched > best.matched())) {
                best = new Match(origin.get(i), t.replaceFirst("^0+(?=\\d)", ""), matched, before.size() + after.size());
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * How many form words are found in the tokens in the same order, the nearest first: the longest common
     * subsequence, where a token equals a form word up to OCR noise. The first form word must be near the figure.
     */
    private static int aligned(List<String> tokens, List<String> form) {
        if (form.isEmpty() || tokens.isEmpty()) {
            return 0;
        }
        int[][] lcs = new int[tokens.size() + 1][form.size() + 1];
        for (int i = 1; i <= tokens.size(); i++) {
            for (int j = 1; j <= form.size(); j++) {
                lcs[i][j] = same(tokens.get(i - 1), form.get(j - 1)) ? lcs[i - 1][j - 1] + 1
                        : Math.max(lcs[i - 1][j], lcs[i][j - 1]);
            }
        }
        boolean nearStart = false;
        for (int i = 0; i <= Math.min(SLACK, tokens.size() - 1); i++) {
            for (int j = 0; j <= Math.min(SLACK, form.size() - 1); j++) {
                nearStart |= same(tokens.get(i), form.get(j));
            }
        }
        return nearStart ? lcs[tokens.size()][form.size()] : 0;
    }

    static boolean same(String token, String formWord) {
        String t = fold(token);
        String f = fold(formWord);
        if (f.equals(SIGN)) {
            return SIGNS.contains(t);
        }
        if (t.isEmpty() || t.chars().anyMatch(Character::isDigit)) {
            return false;
        }
        LevenshteinDistance d = f.length() >= 6 ? TWO : ONE;
        return d.apply(t, f) >= 0;
    }

    /** Lower case, Kazakh letters flattened and Latin look-alikes made Cyrillic, as OCR confuses them. */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            int k = FROM.indexOf(c);
            out.append(k >= 0 ? TO.charAt(k) : c);
        }
        return out.toString();
    }

    private static final String FROM = "ёәғқңөұүһіi!|laceopxykmtbh";
    private static final String TO = "еагкноууниииииасеорхукмтвн";

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
    }

    private static List<String> reversed(List<String> l) {
        List<String> r = new ArrayList<>(l);
        java.util.Collections.reverse(r);
        return r;
    }
}
