package kz.hattama.numerals;

import kz.hattama.form.Lang;
import kz.hattama.numerals.Vocabulary.Entry;

/**
 * Which number word may follow which, as a finite automaton whose states also carry the value
 * read so far. Shared by the exact fast path and the noisy-text search so that both accept
 * exactly the same numbers.
 *
 * <p>A number is {@code [triad THOUSAND] [triad]} or zero, where a triad is
 * hundreds → tens → units. States are {@code phase | position-in-triad}; phase A is before
 * the thousand word, phase B after it. Since nothing tells a lower triad from an upper one
 * until «тысяча»/«мың» appears, phase A's value is the triad itself, and the thousand word
 * moves it up.
 *
 * <p>Steps are packed into a {@code long} (state, value, explicit-one flag) because the search
 * calls {@link #step} tens of thousands of times per line and should not allocate for it.
 */
final class Grammar {

    /** Nothing read yet in this triad. */
    static final int S = 0;
    /** After hundreds (Russian «сто»…, Kazakh «жүз»). */
    static final int H = 1;
    /** Kazakh only: after a unit that may still turn out to count hundreds («екі» of «екі жүз»). */
    static final int KU = 2;
    /** After a tens word, a unit may follow. */
    static final int T = 3;
    /** Triad complete. */
    static final int E = 4;
    static final int PHASE_B = 8;
    static final int START = S;
    static final int ZERO = 16;
    /** Number complete, only trailing garbage tokens being skipped. */
    static final int TRAIL = 17;
    static final int STATES = 18;

    static final long NONE = -1;

    private final Vocabulary vocab;
    private final boolean kazakh;

    Grammar(Vocabulary vocab) {
        this.vocab = vocab;
        this.kazakh = vocab.lang == Lang.KK;
    }

    static int state(long step) {
        return (int) (step & 0xff);
    }

    static boolean explicitOne(long step) {
        return (step & 0x100) != 0;
    }

    static int value(long step) {
        return (int) (step >>> 16);
    }

    static long pack(int state, int value, boolean explicitOne) {
        return ((long) value << 16) | (explicitOne ? 0x100 : 0) | state;
    }

    static boolean accepts(int state) {
        return state == ZERO || state == TRAIL || state >= PHASE_B && state < ZERO || state > S && state < PHASE_B;
    }

    /**
     * The state after reading {@code e} in {@code state} with {@code value} read so far, or
     * {@link #NONE} if the word cannot come there. The explicit-one flag of the result tells
     * that the word made an optional leading «одна»/«бір» count (одна тысяча, бір жүз).
     */
    long step(int state, int value, Entry e) {
        if (state >= ZERO) {
            return NONE;
        }
        int phase = state & PHASE_B;
        int pos = state & 7;
        switch (e.kind()) {
            case ZERO:
                return state == START ? pack(ZERO, 0, false) : NONE;
            case THOUSAND: {
                if (phase != 0) {
                    return NONE;
                }
                // «тысяча»/«мың» alone is one thousand; that is the dropped «одна»/«бір».
                int thousands = pos == S ? 1 : value;
                if (e.value() != vocab.thousandForm(thousands)) {
                    return NONE;
                }
                return pack(PHASE_B | S, thousands * 1000, pos != S && value == 1);
            }
            case HUNDREDS:
                return pos == S ? pack(phase | H, value + e.value(), false) : NONE;
            case HUNDRED_MARK:
                if (pos == S) {
                    return pack(phase | H, value + 100, false);
                }
                if (pos == KU) {
                    // The unit just read counts hundreds: «екі жүз» is 2 → 200.
                    int unit = value % 10;
                    return pack(phase | H, value + unit * 99, unit == 1);
                }
                return NONE;
            case TEEN:
            case TENS:
                return pos == S || pos == H ? pack(phase | (e.kind() == Vocabulary.Kind.TENS ? T : E), value + e.value(), false) : NONE;
            case UNIT:
                if (pos == S) {
                    return pack(phase | (kazakh ? KU : E), value + e.value(), false);
                }
                return pos == H || pos == T ? pack(phase | E, value + e.value(), false) : NONE;
            default:
                throw new IllegalStateException("Unknown word kind " + e.kind());
        }
    }
}
