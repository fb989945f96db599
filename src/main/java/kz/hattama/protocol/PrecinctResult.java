package kz.hattama.protocol;

/**
 * The precinct number as accepted: a figure like the others, with a confidence and a status. Only a VERIFIED or
 * REVIEWED number may be used to file the protocol under a precinct (the list's place, merging, flags).
 *
 * @param value  digits without leading zeros; null when no look read a number
 * @param reason why it is not VERIFIED, for the reviewer; null when it is
 */
public record PrecinctResult(String value, FieldStatus status, double confidence, String reason) {

    public boolean sure() {
        return status != FieldStatus.NEEDS_REVIEW;
    }
}
