package kz.hattama.protocol;

import java.util.List;
import java.util.Map;

/**
 * Everything read from one page, before the figures are chosen and checked.
 *
 * @param precinct every look at the precinct number, from every place the page prints it
 */
public record PageReading(String lang, List<PrecinctLook> precinct, String address, Map<String, FieldReading> fields) {
}
