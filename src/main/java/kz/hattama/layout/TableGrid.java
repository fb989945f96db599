package kz.hattama.layout;

import java.util.List;

/**
 * A ruled table: {@code rowRules} top to bottom (one more than there are rows), {@code columns}
 * the x of its vertical rules left to right.
 */
record TableGrid(List<Rule> rowRules, double[] columns) {

    int rowCount() {
        return rowRules.size() - 1;
    }

    double top() {
        return rowRules.get(0).minAcross();
    }

    double bottom() {
        return rowRules.get(rowRules.size() - 1).maxAcross();
    }
}
