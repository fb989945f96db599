package kz.hattama.web;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An upload as the API and the upload page show it; texts are in the request's language, codes are stable. */
@Schema(description = "One upload request and what each of its files became")
public record UploadJson(long id, @Schema(allowableValues = {"QUEUED", "RUNNING", "DONE", "FAILED"}) String state,
                         Instant createdAt, List<File> files) {

    @Schema(name = "UploadedFile")
    public record File(long id, String name, long size,
                       @Schema(allowableValues = {"QUEUED", "READING", "DONE", "FAILED"}) String progress,
                       String progressText, List<Outcome> outcomes) {
    }

    /** A page of the file read as a protocol, or the file (or page) rejected, or the file a duplicate. */
    @Schema(name = "UploadOutcome")
    public record Outcome(@Schema(description = "the file's name, or the zip entry's") String entry, int page,
                          Long protocolId,
                          @Schema(allowableValues = {"VERIFIED", "NEEDS_REVIEW", "REVIEWED", "REJECTED"}) String status,
                          String statusText,
                          @Schema(description = "rejection code, e.g. UNSUPPORTED_TYPE, DUPLICATE") String rejection,
                          @Schema(description = "why it was rejected, in plain words") String message,
                          @Schema(description = "for a duplicate: the earlier upload's file name") String duplicateOf,
                          @Schema(description = "for a duplicate: its page, when the caller may see it") String duplicateOfUrl,
                          int uncertainFields, int failedChecks,
                          @Schema(description = "where to look at it: the review page for reviewers") String url) {
    }
}
