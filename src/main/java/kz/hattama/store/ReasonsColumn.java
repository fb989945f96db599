package kz.hattama.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.protocol.ReviewReason;

import java.util.List;

/**
 * Review reasons as the {@code jsonb} columns {@code protocol_field.reason} and {@code protocol.precinct_reason} hold
 * them (Flyway {@code V11__review_reason_codes.sql}): {@code [{"code": "failed_check", "args": ["votes_balance"]}]},
 * null for none.
 */
final class ReasonsColumn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ReviewReason>> LIST = new TypeReference<>() {
    };

    private ReasonsColumn() {
    }

    static String write(List<ReviewReason> reasons) {
        if (reasons == null || reasons.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(reasons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("review reasons are plain codes and text", e);
        }
    }

    static List<ReviewReason> read(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return JSON.readValue(column, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("protocol reasons column is not a list of review reasons: " + column, e);
        }
    }
}
