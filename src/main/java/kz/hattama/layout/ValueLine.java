package kz.hattama.layout;

/** A figure's pair of rules at one height: the short one for digits, the long one for words. */
record ValueLine(Rule digits, Rule words) {

    double y() {
        return (digits.middle() + words.middle()) / 2;
    }
}
