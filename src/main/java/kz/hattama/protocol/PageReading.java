package kz.hattama.protocol;

import java.util.List;
import java.util.Map;

/**
 * Everything read from one page (or from the pages of one protocol's sides, joined), before the figures are chosen
 * and checked.
 *
 * @param precinct   every look at the precinct number, from every place the pages print it
 * @param sides      the sides of the sheet these readings cover (1-based); empty for every side, as a page of a form
 *                   printed on one side covers them
 * @param signatures for each signature line of the form from the top down, whether it bears a signature; null where
 *                   the pages hold no signature block, empty where its rules were not found
 * @param signatureBox the signature block on its page, for a reviewer to look at; null where it was not found
 */
public record PageReading(String lang, List<PrecinctLook> precinct, String address, Map<String, FieldReading> fields,
                          List<Integer> sides, List<Boolean> signatures, Box signatureBox) {

    public PageReading {
        sides = sides == null ? List.of() : List.copyOf(sides);
        signatures = signatures == null ? null : List.copyOf(signatures);
    }

    public PageReading(String lang, List<PrecinctLook> precinct, String address, Map<String, FieldReading> fields,
                       List<Integer> sides, List<Boolean> signatures) {
        this(lang, precinct, address, fields, sides, signatures, null);
    }

    /** A whole protocol's page, without signatures judged. */
    public PageReading(String lang, List<PrecinctLook> precinct, String address, Map<String, FieldReading> fields) {
        this(lang, precinct, address, fields, List.of(), null);
    }

    /** Whether these readings cover side {@code side} (every side when {@link #sides} is empty). */
    public boolean covers(int side) {
        return sides.isEmpty() || sides.contains(side);
    }
}
