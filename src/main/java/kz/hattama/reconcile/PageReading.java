package kz.hattama.reconcile;

import java.util.Map;

/** Everything read from one page, before the figures are chosen and checked. */
public record PageReading(String lang, String precinct, String address, Map<String, FieldReading> fields) {
}
