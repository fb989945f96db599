package kz.hattama.batch;

import kz.hattama.protocol.PageOutcome;

import java.util.List;

/** What one stored file became: one outcome per page. */
public record SourceOutcome(long sourceId, List<PageOutcome> pages) {
}
