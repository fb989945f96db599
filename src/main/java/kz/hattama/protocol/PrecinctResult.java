package kz.hattama.protocol;

import java.util.List;

/**
 * The precinct number as accepted: a figure like the others, with a confidence and a status. Only a VERIFIED or
 * REVIEWED number may be used to file the protocol under a precinct (the list's place, merging, flags).
 *
 * @param value  digits without leading zeros; null when no look read a number
 * @param reasons why it is not VERIFIED, for the reviewer; empty when it is
 */
public record PrecinctResult(String value, FieldStatus status, double confidence, List<ReviewReason> reasons) {

    public PrecinctResult {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean sure() {
        return status != FieldStatus.NEEDS_REVIEW;
    }
}
