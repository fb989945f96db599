package kz.hattama.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pairs rules into value lines: a rule followed, at the same height and after a short gap, by
 * another. Lone rules (signature lines, underlines) are not value lines.
 */
final class ValueLineFinder {

    /**
     * Farthest apart a value line's two rules may be found. Printed, the gap is about 50; a thick pen or a shaken
     * photo can lose the words rule under the writing all the way to its last stretch, past half the page.
     */
    private static final double MAX_GAP = 1000;

    private final double unit;

    ValueLineFinder(double unit) {
        this.unit = unit;
    }

    List<ValueLine> find(List<Rule> horizontal) {
        List<List<Rule>> chains = chains(horizontal.stream().filter(r -> r.length() >= 120 * unit).toList());
        List<ValueLine> lines = new ArrayList<>();
        List<Rule> lone = new ArrayList<>();
        for (List<Rule> chain : chains) {
            if (chain.size() >= 2) {
                Rule words = chain.get(1);
                for (Rule r : chain.subList(2, chain.size())) {
                    words = words.joinedWith(r);
                }
                lines.add(new ValueLine(chain.get(0), words));
            } else {
                lone.add(chain.get(0));
            }
        }
        List<ValueLine> bridged = new ArrayList<>();
        for (Rule r : lone) {
            splitLikeOthers(r, lines).ifPresent(bridged::add);
        }
        lines.addAll(bridged);
        lines.sort(Comparator.comparingDouble(ValueLine::y));
        return lines.stream().map(l -> reachLikeOthers(l, lines)).toList();
    }

    /**
     * The value lines of a form start where one another start. Where a thick pen or a shaken photo's halo darkens
     * the paper around a rule, the ink mask loses the rule under the writing, mostly at its left, where writing
     * starts; such a rule is drawn out to where the other lines ending with it start, never shortened.
     */
    private ValueLine reachLikeOthers(ValueLine line, List<ValueLine> lines) {
        double tol = 25 * unit;
        double digitsStart = lines.stream().filter(o -> Math.abs(o.digits().end() - line.digits().end()) < tol)
                .mapToDouble(o -> o.digits().start()).min().orElse(line.digits().start());
        double wordsStart = lines.stream().filter(o -> Math.abs(o.words().end() - line.words().end()) < tol)
                .mapToDouble(o -> o.words().start()).min().orElse(line.words().start());
        wordsStart = Math.max(wordsStart, line.digits().end() + 1);
        return new ValueLine(drawnOutTo(line.digits(), digitsStart), drawnOutTo(line.words(), wordsStart));
    }

    private static Rule drawnOutTo(Rule r, double start) {
        if (start >= r.start()) {
            return r;
        }
        // Level as the rule runs: a short piece's own slope is mostly noise.
        return new Rule(start, r.end(), r.atStart(), r.atEnd());
    }

    /**
     * Handwriting that runs across the gap between the digits rule and the words rule welds them
     * into one. Such a rule spans exactly what another value line on the page spans, so it is cut
     * where that line has its gap.
     */
    private Optional<ValueLine> splitLikeOthers(Rule r, List<ValueLine> lines) {
        double tol = 25 * unit;
        for (ValueLine l : lines) {
            if (Math.abs(l.digits().start() - r.start()) < tol && Math.abs(l.words().end() - r.end()) < tol) {
                double cutFrom = l.digits().end(), cutTo = l.words().start();
                return Optional.of(new ValueLine(
                        new Rule(r.start(), cutFrom, r.atStart(), r.at(cutFrom)),
                        new Rule(cutTo, r.end(), r.at(cutTo), r.atEnd())));
            }
        }
        return Optional.empty();
    }

    /** Rules that continue one another left to right at the same height. */
    private List<List<Rule>> chains(List<Rule> rules) {
        List<Rule> byX = new ArrayList<>(rules);
        byX.sort(Comparator.comparingDouble(Rule::start));
        List<List<Rule>> chains = new ArrayList<>();
        for (Rule r : byX) {
            List<Rule> host = null;
            for (List<Rule> c : chains) {
                Rule last = c.get(c.size() - 1);
                double gap = r.start() - last.end();
                if (gap > 0 && gap < MAX_GAP * unit && Math.abs(r.atStart() - last.atEnd()) < 10 * unit) {
                    host = c;
                    break;
                }
            }
            if (host == null) {
                host = new ArrayList<>();
                chains.add(host);
            }
            host.add(r);
        }
        return chains;
    }
}
