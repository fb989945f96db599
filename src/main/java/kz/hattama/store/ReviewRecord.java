package kz.hattama.store;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * A protocol's review history as the export shows it: the last sign-off ({@code by}, {@code at}) and every figure
 * changed in review, oldest first.
 */
public record ReviewRecord(String by, Instant at, List<Change> changes) {

    /** As the export writes it: {@code {"field", "from", "to"}}. */
    @JsonPropertyOrder({"field", "from", "to"})
    public record Change(String field, Integer from, Integer to) {
    }
}
