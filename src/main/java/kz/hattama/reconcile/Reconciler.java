package kz.hattama.reconcile;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.CheckDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldReading;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.NumberCandidate;
import kz.hattama.protocol.PageReading;
import kz.hattama.protocol.PrecinctResult;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.ReviewReason.Code;
import kz.hattama.protocol.ReviewReason;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Chooses each figure of a protocol from its digits and words readings and the form's control
 * relations, then decides what a person must look at.
 *
 * <p>The choice maximises the joint likelihood of the readings, with a fixed penalty per failed
 * check. The penalty only settles between candidates that a reading actually supports: when the
 * digits and the words agree with confidence, no penalty outweighs them, so a protocol whose
 * arithmetic is broken on paper is reported as read, never bent into balance.
 */
public final class Reconciler {

    /** Likelihood left for "this reading is wrong and the value is none of its candidates". */
    private static final double UNSUPPORTED = 1e-3;
    /** Log-penalty of one failed check: worth less than one confident reading. */
    private static final double CHECK_PENALTY = 4.0;
    private static final int MAX_COMBINATIONS = 50_000;
    /** Least probability for a runner-up of a lone reading to be considered at all. */
    private static final double LONE_RUNNER_UP = 0.1;
    /** How sure both readings must be before their disagreement is reported as a failed check. */
    private static final double SURE = 0.8;

    private final FormDefinition form;
    private final Relations relations;
    private final Paperwork paperwork;
    private final double verifyDigits;
    private final double verifyWords;
    private final double verifyDoubt;
    private final double verifyWordsCheck;
    private final PrecinctJudge precinctJudge;
    private final double verifyWeakWordsCheck;
    /**
     * Fields that take part in no equality check, only in inequalities: a figure read from a
     * neighbouring line passes those as easily as the right one, so they vouch for nothing.
     */
    private final Set<String> weaklyChecked;

    /**
     * @param verifyDigits minimum probability of the best digits reading for a field to be VERIFIED
     * @param verifyWords  minimum probability of the best words reading for a field to be VERIFIED
     * @param verifyDoubt  most chance that both agreeing readings are wrong, taken as independent,
     *                     (1 - digits)(1 - words), for a field to be VERIFIED
     * @param verifyWordsCheck least posterior the words zone alone gives the digits' figure against
     *                     the numbers one slip away ({@link FieldReading#wordsCheck}) to stand in for
     *                     the words reading's own probability
     */
    public Reconciler(FormDefinition form, double verifyDigits, double verifyWords, double verifyDoubt,
                      double verifyWordsCheck) {
        this(form, verifyDigits, verifyWords, verifyDoubt, verifyWordsCheck, HattamaProperties.DEFAULT_VERIFY_PRECINCT, 0);
    }

    /**
     * @param verifyPrecinct least confidence of the precinct number to be VERIFIED ({@link PrecinctJudge})
     * @param verifyWeakWordsCheck least words check for a field in no equality check, always
     *                     required of it, whatever its words' free reading says; 0 asks no more of
     *                     such a field than of the others
     */
    public Reconciler(FormDefinition form, double verifyDigits, double verifyWords, double verifyDoubt,
                      double verifyWordsCheck, double verifyPrecinct, double verifyWeakWordsCheck) {
        this.precinctJudge = new PrecinctJudge(verifyPrecinct);
        this.form = form;
        this.relations = new Relations(form);
        this.paperwork = new Paperwork(form);
        this.verifyDigits = verifyDigits;
        this.verifyWords = verifyWords;
        this.verifyDoubt = verifyDoubt;
        this.verifyWordsCheck = verifyWordsCheck;
        this.verifyWeakWordsCheck = verifyWeakWordsCheck;
        this.weaklyChecked = form.keys().stream()
                .filter(k -> form.relations().stream().noneMatch(c -> "=".equals(c.op()) && c.involves(k)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The fields that take part in no equality check of the form. */
    public Set<String> weaklyChecked() {
        return weaklyChecked;
    }

    public ProtocolResult reconcile(PageReading page) {
        List<String> keys = form.keys();
        int n = keys.size();
        int[][] options = new int[n][];
        double[][] scores = new double[n][];
        for (int i = 0; i < n; i++) {
            FieldReading r = reading(page, keys.get(i));
            TreeSet<Integer> values = new TreeSet<>();
            if (surelyDisagree(r)) {
                // Both readers are sure and differ: the paper itself most likely says two things.
                // The value is the figure as written in digits (protocol-spec), and words_match fails.
                values.add(r.digits().get(0).value());
            } else if (r != null) {
                // Each reading's best, plus runners-up that the other reading also saw. A runner-up
                // backed by one reading alone would let the checks pick any figure that balances
                // them, which is how a systematic misreading turns into a confident wrong value.
                r.digits().stream().limit(1).forEach(c -> values.add(c.value()));
                r.words().stream().limit(1).forEach(c -> values.add(c.value()));
                r.digits().stream().filter(c -> r.words().stream().anyMatch(w -> w.value() == c.value()))
                        .forEach(c -> values.add(c.value()));
                // With one zone unreadable, the other's likely runners-up are all there is for the
                // checks to choose from; the field goes to a person either way.
                if (r.words().isEmpty() || r.digits().isEmpty()) {
                    java.util.stream.Stream.concat(r.digits().stream(), r.words().stream())
                            .filter(c -> c.probability() >= LONE_RUNNER_UP).forEach(c -> values.add(c.value()));
                }
            }
            options[i] = values.stream().mapToInt(Integer::intValue).toArray();
            scores[i] = new double[options[i].length];
            for (int j = 0; j < options[i].length; j++) {
                scores[i][j] = score(r, options[i][j]);
            }
            sortByScore(options[i], scores[i]);
        }
        Integer[] chosen = choose(keys, options, scores);
        Map<String, Integer> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            values.put(keys.get(i), chosen[i]);
        }
        List<CheckResult> checks = new ArrayList<>(relations.checks(values));
        Map<String, FieldResult> fields = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = keys.get(i);
            FieldReading r = reading(page, key);
            if (!page.covers(form.layout().sideOf(key))) {
                fields.put(key, new FieldResult(key, null, null, null, null, null, 0, FieldStatus.NEEDS_REVIEW,
                        List.of(ReviewReason.of(Code.SIDE_MISSING, form.layout().sideOf(key))), null));
                continue;
            }
            CheckResult wordsMatch = wordsMatch(key, r, chosen[i]);
            if (wordsMatch != null) {
                checks.add(wordsMatch);
            }
            fields.put(key, field(key, r, chosen[i], confidence(i, keys, options, scores, chosen) * support(r, chosen[i]), checks));
        }
        checks.addAll(paperwork.checks(page));
        List<Flag> flags = relations.flags(values);
        boolean allVerified = fields.values().stream().allMatch(f -> f.status() == FieldStatus.VERIFIED);
        boolean allPass = checks.stream().allMatch(CheckResult::passed);
        // A protocol filed under an unsure precinct would put its figures in another precinct's row unseen.
        PrecinctResult precinct = precinctJudge.judge(page.precinct());
        ProtocolStatus status = allVerified && allPass && precinct.sure() ? ProtocolStatus.VERIFIED : ProtocolStatus.NEEDS_REVIEW;
        return new ProtocolResult(form.id(), page.lang(), precinct.value(), page.address(), fields, checks, flags, status,
                precinct.status(), precinct.confidence(), precinct.reasons(), page.signatureBox());
    }

    /** A field's readings; none for a field on a side that did not arrive, whatever the page's zones held. */
    private FieldReading reading(PageReading page, String key) {
        return page.covers(form.layout().sideOf(key)) ? page.fields().get(key) : null;
    }

    private static double score(FieldReading r, int value) {
        if (r == null) {
            return 0;
        }
        return Math.log(probability(r.digits(), value)) + Math.log(probability(r.words(), value));
    }

    /** A reading's likelihood of the value; an empty reading says nothing, so it favours no value. */
    private static double probability(List<NumberCandidate> candidates, int value) {
        return candidates.isEmpty() ? 1.0 : Math.max(probability(candidates, value, 0), UNSUPPORTED);
    }

    private static void sortByScore(int[] values, double[] scores) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        int[] v = values.clone();
        double[] s = scores.clone();
        for (int i = 0; i < order.length; i++) {
            values[i] = v[order[i]];
            scores[i] = s[order[i]];
        }
    }

    /**
     * Starts from each field's best candidate; where checks fail, searches the candidates of the
     * fields those checks involve for the assignment of highest likelihood-minus-penalty.
     */
    private Integer[] choose(List<String> keys, int[][] options, double[][] scores) {
        int n = keys.size();
        int[] pick = new int[n];
        Integer[] best = assignment(options, pick);
        List<CheckDef> failing = form.relations().stream().filter(c -> !passes(c, keys, best)).toList();
        if (failing.isEmpty()) {
            return best;
        }
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = keys.get(i);
            if (options[i].length > 1 && failing.stream().anyMatch(c -> c.involves(key))) {
                free.add(i);
            }
        }
        int[] limit = new int[n];
        for (int i : free) {
            limit[i] = options[i].length;
        }
        // Keep the search small by trimming the weakest candidates of the widest fields.
        while (product(free, limit) > MAX_COMBINATIONS) {
            int widest = free.stream().max((a, b) -> Integer.compare(limit[a], limit[b])).orElseThrow();
            limit[widest]--;
        }
        int[] current = new int[n];
        int[] bestPick = current.clone();
        double bestObjective = objective(keys, options, scores, current);
        while (next(current, free, limit)) {
            double o = objective(keys, options, scores, current);
            if (o > bestObjective + 1e-9) {
                bestObjective = o;
                bestPick = current.clone();
            }
        }
        return assignment(options, bestPick);
    }

    private static long product(List<Integer> free, int[] limit) {
        long p = 1;
        for (int i : free) {
            p *= Math.max(1, limit[i]);
        }
        return p;
    }

    private static boolean next(int[] current, List<Integer> free, int[] limit) {
        for (int i : free) {
            if (++current[i] < limit[i]) {
                return true;
            }
            current[i] = 0;
        }
        return false;
    }

    private double objective(List<String> keys, int[][] options, double[][] scores, int[] pick) {
        double s = 0;
        for (int i = 0; i < pick.length; i++) {
            if (options[i].length > 0) {
                s += scores[i][pick[i]];
            }
        }
        Integer[] values = assignment(options, pick);
        for (CheckDef c : form.relations()) {
            if (!passes(c, keys, values)) {
                s -= CHECK_PENALTY;
            }
        }
        return s;
    }

    private static Integer[] assignment(int[][] options, int[] pick) {
        Integer[] values = new Integer[options.length];
        for (int i = 0; i < options.length; i++) {
            values[i] = options[i].length == 0 ? null : options[i][pick[i]];
        }
        return values;
    }

    /** A relation that names an unread figure does not count against a choice: it cannot be checked either way. */
    private static boolean passes(CheckDef c, List<String> keys, Integer[] values) {
        return !Boolean.FALSE.equals(Relations.holds(c, k -> values[keys.indexOf(k)]));
    }

    /** Posterior of the chosen value among the field's candidates, the other fields held fixed. */
    private double confidence(int i, List<String> keys, int[][] options, double[][] scores, Integer[] chosen) {
        if (options[i].length == 0) {
            return 0;
        }
        double chosenWeight = 0;
        double total = 0;
        Integer[] trial = chosen.clone();
        for (int j = 0; j < options[i].length; j++) {
            trial[i] = options[i][j];
            double s = scores[i][j];
            for (CheckDef c : form.relations()) {
                if (c.involves(keys.get(i)) && !passes(c, keys, trial)) {
                    s -= CHECK_PENALTY;
                }
            }
            double w = Math.exp(s);
            total += w;
            if (options[i][j] == chosen[i]) {
                chosenWeight = w;
            }
        }
        // The mass no candidate captured: the chance that both readings missed the true value.
        total += UNSUPPORTED * UNSUPPORTED;
        return chosenWeight / total;
    }

    /**
     * How far the readings themselves back the chosen value. The posterior alone is relative to
     * the candidates seen, so a lone reading with no rival would look certain.
     */
    private static double support(FieldReading r, Integer value) {
        if (r == null || value == null) {
            return 0;
        }
        boolean digits = !r.digits().isEmpty() && r.digits().get(0).value() == value;
        boolean words = !r.words().isEmpty() && r.words().get(0).value() == value;
        if (digits && words) {
            return 1;
        }
        double best = Math.max(probability(r.digits(), value, 0), probability(r.words(), value, 0));
        return 0.9 * best;
    }

    private static double probability(List<NumberCandidate> candidates, int value, double absent) {
        return candidates.stream().filter(c -> c.value() == value).mapToDouble(NumberCandidate::probability)
                .findFirst().orElse(absent);
    }

    /**
     * The per-field words_match check. It is reported failed only when both readings are
     * confident: a doubtful reading is a reason to review, not evidence of a falsified protocol.
     */
    private CheckResult wordsMatch(String key, FieldReading r, Integer value) {
        if (r == null || r.digits().isEmpty() || r.words().isEmpty()) {
            return null;
        }
        NumberCandidate d = r.digits().get(0);
        NumberCandidate w = r.words().get(0);
        if (d.value() == w.value()) {
            return CheckResult.wordsMatch(key, true, key + ": " + d.value() + " = «" + r.wordsText() + "»");
        }
        // Only a clear disagreement on paper is a violation: the figure kept is the digits as read,
        // and both readings are sure. Otherwise one of the readers erred, which is a reason to
        // review the field, not evidence against the commission.
        if (surelyDisagree(r)) {
            return CheckResult.wordsMatch(key, false, key + ": " + d.value() + " ≠ " + w.value() + " «" + r.wordsText() + "»");
        }
        return null;
    }

    private boolean surelyDisagree(FieldReading r) {
        if (r == null || r.digits().isEmpty() || r.words().isEmpty()) {
            return false;
        }
        NumberCandidate d = r.digits().get(0);
        NumberCandidate w = r.words().get(0);
        return d.value() != w.value() && d.probability() >= Math.max(verifyDigits, SURE)
                && w.probability() >= Math.max(verifyWords, SURE);
    }

    private FieldResult field(String key, FieldReading r, Integer value, double confidence, List<CheckResult> checks) {
        Integer digits = r == null || r.digits().isEmpty() ? null : r.digits().get(0).value();
        Integer words = r == null || r.words().isEmpty() ? null : r.words().get(0).value();
        List<ReviewReason> reasons = new ArrayList<>();
        if (digits == null && words == null) {
            reasons.add(ReviewReason.of(Code.UNREADABLE));
        } else if (digits == null) {
            reasons.add(ReviewReason.of(Code.DIGITS_UNREADABLE));
        } else if (words == null) {
            reasons.add(ReviewReason.of(Code.WORDS_UNREADABLE));
        } else if (!digits.equals(words)) {
            reasons.add(ReviewReason.of(Code.DISAGREE));
        } else if (!confident(r)) {
            reasons.add(ReviewReason.of(Code.LOW_CONFIDENCE_CHECKED, format("%.2f", r.digits().get(0).probability()),
                    format("%.2f", r.words().get(0).probability()), format("%.3f", r.wordsCheck())));
        } else if (weaklyChecked.contains(key) && r.wordsCheck() < verifyWeakWordsCheck) {
            reasons.add(ReviewReason.of(Code.WEAK_WORDS_CHECK, format("%.5f", r.wordsCheck())));
        }
        if (value != null && digits != null && !value.equals(digits) && (words == null || !value.equals(words))) {
            reasons.add(ReviewReason.of(Code.FIT_CHECKS));
        }
        for (CheckDef c : form.relations()) {
            if (c.involves(key)) {
                checks.stream().filter(x -> x.id().equals(c.id()) && !x.passed()).findFirst()
                        .ifPresent(x -> reasons.add(ReviewReason.of(Code.FAILED_CHECK, c.id())));
            }
        }
        if (r != null && !r.anchored()) {
            reasons.add(ReviewReason.of(Code.NOT_ANCHORED));
        }
        FieldStatus status = reasons.isEmpty() ? FieldStatus.VERIFIED : FieldStatus.NEEDS_REVIEW;
        return new FieldResult(key, value, digits, words, r == null ? null : r.digitsText(),
                r == null ? null : r.wordsText(), round(confidence), status,
                reasons, r == null ? null : r.box());
    }

    /**
     * Whether two agreeing readings are each sure enough. The words may be sure by their free
     * reading or, where a cursive hand makes that reading rough, by the words check: the zone
     * strongly prefers the digits' figure to every figure a slip could have made of it.
     */
    private boolean confident(FieldReading r) {
        double d = r.digits().get(0).probability();
        double w = r.words().get(0).probability();
        if (d < verifyDigits) {
            return false;
        }
        return (w >= verifyWords && (1 - d) * (1 - w) <= verifyDoubt)
                || r.wordsCheck() >= verifyWordsCheck;
    }

    /** A figure in a reason, written alike in every language. */
    private static String format(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
