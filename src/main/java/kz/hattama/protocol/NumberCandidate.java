package kz.hattama.protocol;

/** One possible value of a zone with the reader's probability for it (0..1). */
public record NumberCandidate(int value, double probability) {
}
