package kz.hattama.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * The export record's {@code review}: who signed the protocol off and when (null while nobody has), and every change
 * a reviewer made, oldest first. {@code from} is the value before the change, so the first change of a field starts
 * from the machine's reading.
 */
@JsonPropertyOrder({"by", "at", "changes"})
public record Review(String by, Instant at, List<Change> changes) {

    public Review {
        changes = List.copyOf(changes);
    }

    @JsonPropertyOrder({"field", "from", "to", "by", "at"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String field, Integer from, Integer to, String by, Instant at) {
    }
}
