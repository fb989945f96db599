package kz.hattama.store;

import java.time.Instant;
import java.util.List;

/**
 * A protocol's review history as the export shows it: the last sign-off ({@code by}, {@code at}) and every figure
 * changed in review, oldest first.
 */
public record ReviewRecord(String by, Instant at, List<Change> changes) {

    public record Change(String field, Integer from, Integer to, String by, Instant at) {
    }
}
