package kz.hattama.protocol;

/**
 * A quarter or half turn of a whole picture. Scanners feed pages upside down and phones lose
 * their orientation tag, so a protocol may arrive turned; the recogniser tries the turns in this
 * order, likeliest first. Stored with the protocol so the evidence bundle can cut its crops from
 * the page turned the same way; {@code image.PageTurns} does the turning.
 */
public enum PageTurn {
    NONE, HALF, CLOCKWISE, COUNTERCLOCKWISE
}
