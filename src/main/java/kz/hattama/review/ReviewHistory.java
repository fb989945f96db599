package kz.hattama.review;

import java.util.Collection;
import java.util.Map;

/**
 * Who reviewed a protocol and what they changed, for the export's provenance and the evidence bundle. The review
 * history is written by the web app (its own tables); this side only reads it through this interface, so that the
 * dataset does not depend on how reviews are stored. Without an implementation in the application context nothing
 * has been reviewed ({@link #NONE}).
 *
 * <p>Exports call it inside their read-only repeatable-read transaction (one call per page of protocols): an
 * implementation on the application's {@code JdbcTemplate} joins that transaction and sees the same state of the
 * database as the protocols it is asked about.
 */
@FunctionalInterface
public interface ReviewHistory {

    ReviewHistory NONE = protocolIds -> Map.of();

    /**
     * @param protocolIds database ids ({@code protocol.id}) of the protocols being exported
     * @return the review of each of them that has one; a protocol nobody reviewed or changed is absent
     */
    Map<Long, Review> reviewsOf(Collection<Long> protocolIds);
}
