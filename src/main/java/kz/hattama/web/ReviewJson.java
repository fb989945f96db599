package kz.hattama.web;

import io.swagger.v3.oas.annotations.media.Schema;
import kz.hattama.export.ExportRecord;
import kz.hattama.form.CheckDef;
import kz.hattama.form.FlagDef;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A protocol as the review page shows it: the figures, both readings, their boxes on the page, the checks. */
public record ReviewJson(long id, int version, String status, String statusText, String precinct,
                         @Schema(description = "the precinct number's status, like a figure's",
                                 allowableValues = {"VERIFIED", "NEEDS_REVIEW", "REVIEWED"}) String precinctStatus,
                         Double precinctConfidence,
                         @Schema(description = "why the precinct number needs review, in the request's language") String precinctReason,
                         String lang,
                         String address, long sourceId, String sourceName, int pageNo,
                         @Schema(description = "the normalized page (JPEG) the boxes are on; null when none was kept") String pageUrl,
                         @Schema(description = "the file as uploaded") String scanUrl,
                         @Schema(description = "the commission's signature block (JPEG); null where it was not found") String signaturesUrl,
                         @Schema(description = "a side of the sheet has not arrived: the review page offers to attach it") boolean sidesMissing,
                         List<Field> fields, List<Check> checks,
                         @Schema(description = "the form's relations, for recomputing the checks as figures change") List<CheckDef> relations,
                         List<Flag> flags,
                         @Schema(description = "the form's flags, for recomputing them as figures change") List<FlagDef> flagRules, kz.hattama.review.Review review) {

    /** {@code box} is in pixels of the normalized page. */
    @Schema(name = "ReviewField")
    public record Field(String key, String line, String label, Integer value, Integer digits, Integer words,
                        String digitsText, String wordsText, Double confidence,
                        @Schema(allowableValues = {"VERIFIED", "NEEDS_REVIEW", "REVIEWED"}) String status,
                        String reason,
                        @Schema(description = "read surely: digits and words agree and nothing but a failed check keeps "
                                + "it from VERIFIED, so the figure itself is not what broke the check") boolean sure,
                        Box box) {
    }

    /** @param page which of the protocol's pages the box is on: 0 its own (the one shown), 1 its other side */
    public record Box(int x, int y, int width, int height, int page) {
    }

    @Schema(name = "ReviewCheck")
    public record Check(String id, String label, String field, boolean passed, String detail) {
    }

    @Schema(name = "ReviewFlag")
    public record Flag(String id, String label, String detail) {
    }

    /**
     * @param version the version the reviewer opened; a save on an older version is refused with 409
     * @param values  the figures as the reviewer leaves them, by field key; null where nothing legible is written.
     *                Key {@code precinct} confirms or corrects the precinct number.
     */
    @Schema(name = "SignOff")
    public record SignOff(int version, Map<String, Integer> values) {
    }

    /** @param next the next protocol of the queue, null when the queue is empty */
    @Schema(name = "SignedOff")
    public record SignedOff(int version, Long next) {
    }

    public record Queue(Map<String, Long> counts, List<QueueItem> items) {
    }

    public record QueueItem(long protocolId, String sourceName, int pageNo, String precinct, String lang,
                            int uncertainFields, int failedChecks, Instant createdAt, String url) {
    }
}
