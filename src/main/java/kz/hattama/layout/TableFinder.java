package kz.hattama.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds a table of a known number of rows: vertical rules that share the same top and bottom give
 * its extent and columns; the horizontal rules spanning it give its rows.
 */
final class TableFinder {

    /** Title rows a table may have above its field rows; more rules than that is another grid. */
    private static final int MAX_TITLE_ROWS = 2;
    /** The most rules among which the evenest rows are looked for by trying every choice (2^(n-1) of them). */
    private static final int MAX_EVEN_SEARCH = 16;
    /** Pieces of one broken row rule lie this close in height (a photo's slight tilt over their gap). */
    private static final double PIECE_ALIGNMENT = 8;

    private final double unit;

    /** @param unit page width over the standard width: every distance below scales with it */
    TableFinder(double unit) {
        this.unit = unit;
    }

    Optional<TableGrid> find(List<Rule> horizontal, List<Rule> vertical, int rows) {
        List<Rule> frame = tallestGroup(vertical.stream().filter(r -> r.length() >= 150 * unit).toList());
        double[] columns = distinct(frame.stream().mapToDouble(Rule::middle).sorted().toArray(), 15 * unit);
        if (columns.length < 3) {
            return Optional.empty();
        }
        double top = median(frame.stream().mapToDouble(Rule::start).toArray());
        double bottom = median(frame.stream().mapToDouble(Rule::end).toArray());
        double left = columns[0], right = columns[columns.length - 1];
        double tol = 20 * unit;
        List<Rule> inside = horizontal.stream()
                .filter(h -> h.middle() >= top - tol && h.middle() <= bottom + tol && h.covers(left, right) > 0).toList();
        List<Rule> spanning = new ArrayList<>();
        for (List<Rule> pieces : collinear(inside, PIECE_ALIGNMENT * unit)) {
            double covered = pieces.stream().mapToDouble(h -> h.covers(left, right)).sum();
            if (covered >= 0.6) {
                spanning.add(pieces.stream().reduce(Rule::joinedWith).orElseThrow());
            }
        }
        List<Rule> rowRules = mergeCloseRules(spanning, 15 * unit);
        if (rowRules.size() > rows + 1 + MAX_TITLE_ROWS) {
            return Optional.empty();
        } else if (rowRules.size() > rows + 1) {
            rowRules = evenest(rowRules, rows + 1);
        } else if (rowRules.size() < rows + 1) {
            rowRules = evenRows(rowRules, rows, top, bottom, tol);
        }
        return rowRules == null ? Optional.empty() : Optional.of(new TableGrid(List.copyOf(rowRules), columns));
    }

    /**
     * Pieces of horizontal rule at the same height, left to right. Inside a table nothing else is ruled across, so
     * pieces in line are one row's rule, broken where a figure is written across it or a blurred photo lost it.
     */
    private static List<List<Rule>> collinear(List<Rule> rules, double alignment) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingDouble(Rule::middle));
        List<List<Rule>> rows = new ArrayList<>();
        for (Rule r : sorted) {
            List<Rule> row = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (row != null && r.middle() - row.get(row.size() - 1).middle() <= alignment
                    && row.stream().noneMatch(o -> o.covers(r.start(), r.end()) > 0)) {
                row.add(r);
            } else {
                rows.add(new ArrayList<>(List.of(r)));
            }
        }
        rows.forEach(row -> row.sort(Comparator.comparingDouble(Rule::start)));
        return rows;
    }

    /**
     * The {@code count} rules, the bottom one among them, whose rows are the most even. An extra rule is mostly a
     * column-title row above the field rows, but can be a fold crease across a row, which must not shift every row
     * below it by one; on a tie the rules above are the ones dropped.
     */
    private static List<Rule> evenest(List<Rule> rules, int count) {
        List<Rule> best = rules.subList(rules.size() - count, rules.size());
        if (rules.size() > MAX_EVEN_SEARCH) {
            // Every choice is tried; past this many rules (a form with a long table) the title rows are dropped.
            return List.copyOf(best);
        }
        double bestSpread = spread(best);
        int extra = rules.size() - count;
        for (int mask = 0; mask < 1 << (rules.size() - 1); mask++) {
            if (Integer.bitCount(mask) != extra) {
                continue;
            }
            List<Rule> kept = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (i == rules.size() - 1 || (mask & 1 << i) == 0) {
                    kept.add(rules.get(i));
                }
            }
            double spread = spread(kept);
            if (spread < bestSpread - 0.05) {
                best = kept;
                bestSpread = spread;
            }
        }
        return List.copyOf(best);
    }

    /** How uneven the rows between rules are: (tallest - lowest) / mean height. */
    private static double spread(List<Rule> rules) {
        double min = Double.MAX_VALUE, max = 0;
        for (int i = 1; i < rules.size(); i++) {
            double h = rules.get(i).middle() - rules.get(i - 1).middle();
            min = Math.min(min, h);
            max = Math.max(max, h);
        }
        double mean = (rules.get(rules.size() - 1).middle() - rules.get(0).middle()) / (rules.size() - 1);
        return (max - min) / mean;
    }

    /** Vertical rules of one table start and end together; the biggest such set is the table. */
    private List<Rule> tallestGroup(List<Rule> vertical) {
        List<Rule> best = List.of();
        double tol = 30 * unit;
        for (Rule seed : vertical) {
            List<Rule> group = vertical.stream()
                    .filter(r -> Math.abs(r.start() - seed.start()) < tol && Math.abs(r.end() - seed.end()) < tol)
                    .toList();
            if (group.size() > best.size()
                    || group.size() == best.size() && !best.isEmpty() && seed.length() > best.get(0).length()) {
                best = group;
            }
        }
        return best;
    }

    /**
     * When some inner row rules are too faint to find but the table's top and bottom are there,
     * rows are taken as equal, as most tables are drawn; but only if every rule that was found
     * falls on that even division, so that a table of another row count is not taken for this one.
     */
    private static List<Rule> evenRows(List<Rule> found, int rows, double top, double bottom, double tol) {
        if (found.size() < 2) {
            return null;
        }
        Rule first = found.get(0), last = found.get(found.size() - 1);
        if (Math.abs(first.middle() - top) > tol || Math.abs(last.middle() - bottom) > tol) {
            return null;
        }
        double pitch = (last.middle() - first.middle()) / rows;
        for (Rule r : found) {
            double steps = (r.middle() - first.middle()) / pitch;
            if (Math.abs(steps - Math.round(steps)) > 0.15) {
                return null;
            }
        }
        List<Rule> even = new ArrayList<>();
        for (int i = 0; i <= rows; i++) {
            double t = (double) i / rows;
            even.add(new Rule(first.start() + t * (last.start() - first.start()), first.end() + t * (last.end() - first.end()),
                    first.atStart() + t * (last.atStart() - first.atStart()), first.atEnd() + t * (last.atEnd() - first.atEnd())));
        }
        return even;
    }

    /** A thick or doubled rule can come out as two close rules: one row boundary. */
    static List<Rule> mergeCloseRules(List<Rule> rules, double gap) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingDouble(Rule::middle));
        List<Rule> out = new ArrayList<>();
        for (Rule r : sorted) {
            if (!out.isEmpty() && r.middle() - out.get(out.size() - 1).middle() < gap) {
                Rule prev = out.remove(out.size() - 1);
                out.add(prev.length() >= r.length() ? prev : r);
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static double[] distinct(double[] sorted, double gap) {
        List<Double> out = new ArrayList<>();
        for (double v : sorted) {
            if (out.isEmpty() || v - out.get(out.size() - 1) >= gap) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }
}
