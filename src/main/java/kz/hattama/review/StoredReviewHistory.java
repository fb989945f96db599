package kz.hattama.review;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review history the web app keeps, as the export and the evidence bundle read it: the last sign-off, and each
 * change with who made it and when (provenance per field, not only per protocol).
 */
@Component
public class StoredReviewHistory implements ReviewHistory {

    private final NamedParameterJdbcTemplate named;

    public StoredReviewHistory(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public Map<Long, Review> reviewsOf(Collection<Long> protocolIds) {
        if (protocolIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Collection<Long>> ids = Map.of("ids", protocolIds);
        Map<Long, String> by = new HashMap<>();
        Map<Long, java.time.Instant> at = new HashMap<>();
        named.query("""
                select distinct on (protocol_id) protocol_id, reviewer, at from review_signoff
                 where protocol_id in (:ids) order by protocol_id, version desc""", ids, rs -> {
            by.put(rs.getLong("protocol_id"), rs.getString("reviewer"));
            at.put(rs.getLong("protocol_id"), rs.getTimestamp("at").toInstant());
        });
        Map<Long, List<Review.Change>> changes = new HashMap<>();
        named.query("""
                select c.protocol_id, c.field, c.from_value, c.to_value, s.reviewer, s.at
                  from review_change c join review_signoff s on s.id = c.signoff_id
                 where c.protocol_id in (:ids) order by c.protocol_id, c.id""", ids, rs -> {
            changes.computeIfAbsent(rs.getLong("protocol_id"), k -> new ArrayList<>()).add(new Review.Change(
                    rs.getString("field"), (Integer) rs.getObject("from_value"), (Integer) rs.getObject("to_value"),
                    rs.getString("reviewer"), rs.getTimestamp("at").toInstant()));
        });
        Map<Long, Review> out = new HashMap<>();
        by.forEach((id, who) -> out.put(id, new Review(who, at.get(id), changes.getOrDefault(id, List.of()))));
        return out;
    }
}
