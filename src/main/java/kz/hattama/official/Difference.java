package kz.hattama.official;

/**
 * One row of {@code official compare}: a figure on which a protocol and the official result differ, or a precinct
 * that cannot be compared figure by figure, and why.
 *
 * @param precinct   the precinct number (as read, where {@link Kind#PRECINCT_UNSURE}); null when none was read
 * @param field      the field key for a {@link Kind#FIGURE}, else null
 * @param protocol   the protocol's figure; null where it was not read or there is no protocol
 * @param official   the official figure; null where there is no official line
 * @param fieldStatus the protocol field's status (VERIFIED, NEEDS_REVIEW, REVIEWED): whether a person or both readings
 *                   stand behind the protocol's figure
 * @param protocolId the protocol's export id; null where there is no protocol
 */
public record Difference(String precinct, Kind kind, String field, Integer protocol, Integer official,
                         String fieldStatus, String protocolId) {

    /** What a row says; {@link #code()} is what the CSV's {@code field} column holds for a row that is no figure. */
    public enum Kind {
        /** The protocol's figure differs from the official one. */
        FIGURE,
        /** A protocol of a precinct the official results lack. */
        NO_OFFICIAL_RESULT,
        /** An official line of a precinct no protocol was received from. */
        NO_PROTOCOL,
        /** One of several protocols of one precinct: each is compared, none chosen. */
        SEVERAL_PROTOCOLS,
        /** A protocol whose precinct number is not sure yet: it is filed under no precinct, so compared with none. */
        PRECINCT_UNSURE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Official minus protocol; null where either is not known. */
    public Long difference() {
        return protocol == null || official == null ? null : (long) official - protocol;
    }

    /** The CSV's {@code field} cell: the field key, or the row's kind. */
    public String fieldCell() {
        return kind == Kind.FIGURE ? field : kind.code();
    }
}
