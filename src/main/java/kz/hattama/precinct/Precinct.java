package kz.hattama.precinct;

import java.util.Locale;

/** One row of the official precinct list. Any of the names may be null where the list leaves them empty. */
public record Precinct(String number, String region, String district, String city, String address) {

    public Precinct {
        number = normalize(number);
        if (number == null) {
            throw new IllegalArgumentException("a precinct needs a number");
        }
    }

    /**
     * The key a precinct is matched by: as printed, without «№», spaces and leading zeros, so that «№ 0237» on a
     * protocol finds 237 in the list. Null for a blank number.
     */
    public static String normalize(String number) {
        if (number == null) {
            return null;
        }
        String n = number.replace("№", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (n.isEmpty()) {
            return null;
        }
        return n.replaceFirst("^0+(?=.)", "");
    }

    /** The number as an integer for range filters; null when it is not all digits (e.g. «237А»). */
    public static Integer numeric(String normalized) {
        if (normalized == null || !normalized.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(normalized);
    }
}
