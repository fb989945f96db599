package kz.hattama.layout;

/**
 * A printed straight line. {@code start}/{@code end} run along the line (x for a horizontal rule,
 * y for a vertical one); {@code atStart}/{@code atEnd} are its position across (y, or x) at each
 * end, kept apart because a page that is not perfectly levelled leaves long rules slightly tilted.
 */
record Rule(double start, double end, double atStart, double atEnd) {

    double length() {
        return end - start;
    }

    double at(double along) {
        if (end <= start) {
            return atStart;
        }
        double t = Math.max(0, Math.min(1, (along - start) / (end - start)));
        return atStart + t * (atEnd - atStart);
    }

    double middle() {
        return (atStart + atEnd) / 2;
    }

    double minAcross() {
        return Math.min(atStart, atEnd);
    }

    double maxAcross() {
        return Math.max(atStart, atEnd);
    }

    /** Overlap along the line with [from, to], as a fraction of that span. */
    double covers(double from, double to) {
        return Math.max(0, Math.min(end, to) - Math.max(start, from)) / (to - from);
    }

    Rule joinedWith(Rule other) {
        Rule first = start <= other.start ? this : other;
        Rule last = end >= other.end ? this : other;
        return new Rule(first.start, last.end, first.atStart, last.atEnd);
    }
}
