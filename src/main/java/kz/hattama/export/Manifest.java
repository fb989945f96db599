package kz.hattama.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import kz.hattama.protocol.ProtocolStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of a dataset folder: what a citation of the dataset needs to be checked later. Every data
 * file and every scan a record cites is named with its SHA-256, so a reader can verify the files and ask for the
 * original photo of any protocol.
 */
@JsonPropertyOrder({"form", "form_version", "created_at", "hattama_version", "filters", "counts", "files", "sources"})
public record Manifest(String form,
                       @JsonProperty("form_version") int formVersion,
                       @JsonProperty("created_at") Instant createdAt,
                       @JsonProperty("hattama_version") String hattamaVersion,
                       ExportFilter filters,
                       Counts counts,
                       List<DataFile> files,
                       List<Scan> sources) {

    public static final String FILE_NAME = "manifest.json";
    /** The same hashes in the format {@code sha256sum -c SHA256SUMS} reads, manifest included. */
    public static final String CHECKSUMS = ChecksummedZip.SUMS;

    @JsonPropertyOrder({"protocols", "by_status"})
    public record Counts(long protocols, @JsonProperty("by_status") Map<ProtocolStatus, Long> byStatus) {
    }

    @JsonPropertyOrder({"name", "sha256", "bytes", "records"})
    public record DataFile(String name, String sha256, long bytes, long records) {
    }

    /** A source file as the volunteer named it (a zip entry as {@code upload.zip!/folder/a.jpg}). */
    @JsonPropertyOrder({"name", "sha256"})
    public record Scan(String name, String sha256) {
    }
}
