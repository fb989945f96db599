package kz.hattama.ocr;

/** One reading of a digits zone and its probability under the recogniser, P(digits | crop). */
public record DigitCandidate(String digits, double probability) {
}
