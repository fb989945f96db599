package kz.hattama.export;

import kz.hattama.review.Review;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import kz.hattama.form.FormDefinition;
import kz.hattama.precinct.Place;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.store.StoredProtocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One line of the dataset, shaped as protocol-spec.md's export record. Every field key of the form is present, in
 * form order, with null where nothing is known; {@code rejection} appears only on REJECTED records.
 */
@JsonPropertyOrder({"id", "form", "lang", "precinct", "precinct_status", "precinct_confidence", "address", "location",
        "source_files", "source_sha256", "status", "fields", "checks", "flags", "review", "rejection"})
public record ExportRecord(String id, String form, String lang, String precinct,
                           @JsonProperty("precinct_status") FieldStatus precinctStatus,
                           @JsonProperty("precinct_confidence") Double precinctConfidence, String address, Place location,
                           @JsonProperty("source_files") List<String> sourceFiles,
                           @JsonProperty("source_sha256") List<String> sourceSha256,
                           ProtocolStatus status, Map<String, Field> fields, List<Check> checks, List<Flag> flags,
                           Review review,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Rejection rejection) {

    /**
     * {@code digits_text} (the digits as OCR saw them), {@code reason} (why a field is not VERIFIED, in English, as it
     * always read) and {@code reasons} (the same as codes with their arguments, for a program; left out when there
     * is none) are extra keys: provenance for whoever doubts a figure.
     */
    @JsonPropertyOrder({"value", "status", "confidence", "digits", "words", "words_text", "digits_text", "reason",
            "reasons"})
    public record Field(Integer value, FieldStatus status, Double confidence, Integer digits, Integer words,
                        @JsonProperty("words_text") String wordsText, @JsonProperty("digits_text") String digitsText,
                        String reason, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ReviewReason> reasons) {

        private Field(Integer value, FieldStatus status, Double confidence, Integer digits, Integer words,
                      String wordsText, String digitsText, List<ReviewReason> reasons) {
            this(value, status, confidence, digits, words, wordsText, digitsText, ReviewReason.english(reasons),
                    reasons);
        }

        /**
         * A figure of a rejected page. Its status is null too: nothing was read, so there is nothing to verify or
         * review; the record's status and rejection say what to do with the file.
         */
        static final Field UNKNOWN = new Field(null, null, null, null, null, null, null, List.of());

        /** A read protocol that lacks a figure: nobody has seen it, so a person must. */
        static final Field UNREAD = new Field(null, FieldStatus.NEEDS_REVIEW, null, null, null, null, null,
                List.of(ReviewReason.of(ReviewReason.Code.NOT_READ)));

        static Field of(FieldResult f) {
            return new Field(f.value(), f.status(), f.confidence(), f.digits(), f.words(), f.wordsText(),
                    f.digitsText(), f.reasons());
        }
    }

    /** {@code field} names the figure of a per-field check (words_match) and is left out otherwise. */
    @JsonPropertyOrder({"id", "field", "passed", "detail"})
    public record Check(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String field, boolean passed, String detail) {

        static Check of(CheckResult c) {
            return new Check(c.id(), c.field(), c.passed(), c.detail());
        }
    }

    /**
     * @param form         the form the job reads; a rejected page has none of its own but is exported with the form's keys
     * @param place        where the protocol was counted; null for a rejected file
     * @param review       its review, null when nobody reviewed it
     * @param datasetFlags flags that need other protocols or the precinct list, after the reconciler's own
     */
    public static ExportRecord of(StoredProtocol p, FormDefinition form, Place place, Review review,
                                  List<Flag> datasetFlags) {
        boolean rejected = p.status() == ProtocolStatus.REJECTED;
        Map<String, FieldResult> read = p.fields().stream()
                .collect(Collectors.toMap(FieldResult::key, Function.identity()));
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String key : form.keys()) {
            FieldResult f = read.get(key);
            fields.put(key, f != null ? Field.of(f) : rejected ? Field.UNKNOWN : Field.UNREAD);
        }
        List<Flag> flags = new ArrayList<>(p.flags());
        flags.addAll(datasetFlags);
        return new ExportRecord(p.uid(), p.form() != null ? p.form() : form.id(), p.lang(), p.precinct(),
                p.precinctStatus(), p.precinctConfidence(), p.address(),
                place, p.sources().stream().map(StoredProtocol.Page::sourceName).toList(),
                // null where the file's content was not kept (too large, unreadable): no hash is claimed for it
                p.sources().stream().map(StoredProtocol.Page::sourceSha256).collect(Collectors.toList()), p.status(), fields,
                p.checks().stream().map(Check::of).toList(), List.copyOf(flags), review, p.rejection());
    }

    /** The same record without the flags {@code hidden} picks, for a reader who may not see them. */
    public ExportRecord withoutFlags(Predicate<Flag> hidden) {
        return new ExportRecord(id, form, lang, precinct, precinctStatus, precinctConfidence, address, location, sourceFiles, sourceSha256, status, fields,
                checks, flags.stream().filter(hidden.negate()).toList(), review, rejection);
    }

    /** The same record with a DUPLICATE reason that does not name the earlier upload. */
    public ExportRecord withoutDuplicateName() {
        if (rejection == null || rejection.code() != RejectionCode.DUPLICATE) {
            return this;
        }
        return new ExportRecord(id, form, lang, precinct, precinctStatus, precinctConfidence, address, location, sourceFiles, sourceSha256, status, fields,
                checks, flags, review, Rejection.of(RejectionCode.DUPLICATE));
    }

    public List<Check> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
