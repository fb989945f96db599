package kz.hattama.export;

import kz.hattama.review.Review;
import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.precinct.Precinct;
import kz.hattama.precinct.PrecinctAudit;
import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static kz.hattama.export.ExportGoldenTest.assertMatchesGolden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dataset folder a citation points at: its files against golden copies, its manifest against the files and the
 * stored scans (as {@code sha256sum -c} would check them), and the filters.
 */
class DatasetExportTest {

    static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    static final Instant REVIEWED_AT = Instant.parse("2026-02-27T15:04:05Z");

    private static TestDatabase.Schema schema;
    private static Stores store;
    private static DatasetExporter exporter;
    private static long reviewedSource;

    @BeforeAll
    static void storeProtocols() {
        schema = TestDatabase.migratedSchema();
        store = schema.stores();
        ExportGoldenTest.storeSamples(store);
        // Precinct 237 again, from another photo whose party_2 reads otherwise: the two disagree.
        Samples.read(store, 4, "IMG_0413.jpg", "second photo of precinct 237", Samples.perfect("237",
                "г. Семей, ул. Бегалина 6, школа № 12",
                Samples.figures(2170, 1900, 1500, 1490, 40, 100, 901, 200, 150, 120, 20, 400), Map.of(), false));
        reviewedSource = Samples.read(store, 5, "IMG_0500.jpg", "photo of precinct 240", Samples.perfect("240",
                "г. Семей, ул. Абая 1", Samples.consistent(1800, 1500, 10, 100, 700, 90, 80, 20), Map.of(), true));
        TestExports.precincts(schema).replaceAll(List.of(
                new Precinct("237", "Абайская область", "город Семей", "Семей", "ул. Бегалина 6, школа № 12"),
                new Precinct("240", "Абайская область", "город Семей", "Семей", "ул. Абая 1"),
                new Precinct("1001", "Западно-Казахстанская область", "город Уральск", "Уральск", "ул. Достык 41")));
        ExportSource source = TestExports.source(schema, DatasetExportTest::reviews);
        exporter = new DatasetExporter(new JsonlExporter(source), new CsvExporter(source),
                Clock.fixed(NOW, ZoneOffset.UTC), "test");
    }

    /** The web app's review history as this side sees it: one reviewer corrected party_1 of precinct 240. */
    private static Map<Long, Review> reviews(Collection<Long> protocolIds) {
        Map<Long, Review> reviews = new HashMap<>();
        Long id = schema.jdbc().queryForObject("select id from protocol where source_id = ?", Long.class, reviewedSource);
        if (protocolIds.contains(id)) {
            reviews.put(id, new Review("aigerim", REVIEWED_AT, List.of(
                    new Review.Change("party_1", 10, 100, "aigerim", REVIEWED_AT.minusSeconds(40)))));
        }
        return reviews;
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void theDatasetFolderMatchesTheGoldenFiles(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("dataset");
        Manifest manifest = exporter.write(ExportFilter.all(), dir);

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("protocols.jsonl", "protocols.csv", "manifest.json", "SHA256SUMS");
        }
        for (String name : List.of("protocols.jsonl", "protocols.csv", "manifest.json", "SHA256SUMS")) {
            assertMatchesGolden("dataset/" + name, Files.readString(dir.resolve(name)));
        }
        assertThat(manifest.counts().protocols()).isEqualTo(6);
        assertThat(manifest.counts().byStatus()).containsEntry(ProtocolStatus.VERIFIED, 1L)
                .containsEntry(ProtocolStatus.NEEDS_REVIEW, 2L).containsEntry(ProtocolStatus.REVIEWED, 1L)
                .containsEntry(ProtocolStatus.REJECTED, 2L);
    }

    @Test
    void theManifestVerifiesLikeSha256sumDashC(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("dataset");
        exporter.write(ExportFilter.all(), dir);

        assertChecksumsHold(dir);
        JsonNode manifest = Json.MAPPER.readTree(dir.resolve("manifest.json").toFile());
        for (JsonNode f : manifest.get("files")) {
            Path file = dir.resolve(f.get("name").asText());
            assertThat(Hashes.sha256(Files.readAllBytes(file))).isEqualTo(f.get("sha256").asText());
            assertThat(Files.size(file)).isEqualTo(f.get("bytes").asLong());
        }
        // Every scan a record cites is listed, and its hash is the hash of the stored original.
        List<String> cited = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("protocols.jsonl"))) {
            Json.MAPPER.readTree(line).get("source_sha256").forEach(s -> cited.add(s.asText()));
        }
        List<String> listed = new ArrayList<>();
        for (JsonNode s : manifest.get("sources")) {
            String sha = s.get("sha256").asText();
            listed.add(sha);
            assertThat(Hashes.sha256(store.scans().scan(sha))).as(s.get("name").asText()).isEqualTo(sha);
        }
        assertThat(listed).containsAll(cited);
    }

    /** What {@code sha256sum -c SHA256SUMS} does: each line is "HASH  NAME", and every file must hash to it. */
    static void assertChecksumsHold(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("SHA256SUMS"));
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(line).matches("[0-9a-f]{64}  \\S.*");
            String name = line.substring(66);
            assertThat(Hashes.sha256(Files.readAllBytes(dir.resolve(name)))).as(name).isEqualTo(line.substring(0, 64));
        }
    }

    @Test
    void aZipHoldsTheSameFilesAsTheFolder(@TempDir Path tmp) throws IOException {
        exporter.write(ExportFilter.all(), tmp.resolve("folder"));
        exporter.write(ExportFilter.all(), tmp.resolve("dataset.zip"));

        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(tmp.resolve("dataset.zip")))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        assertThat(entries.keySet()).containsExactly("protocols.jsonl", "protocols.csv", "manifest.json", "SHA256SUMS");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readAllBytes(tmp.resolve("folder").resolve(e.getKey())));
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("folder", "dataset.zip");
        }
    }

    @Test
    void theCleanDatasetHoldsOnlyVerifiedAndReviewedProtocols(@TempDir Path tmp) throws IOException {
        Manifest m = exporter.write(ExportFilter.of(ProtocolStatus.VERIFIED, ProtocolStatus.REVIEWED), tmp.resolve("clean"));

        assertThat(records(tmp.resolve("clean"))).extracting(r -> r.get("precinct").asText()).containsExactly("237", "240");
        assertThat(m.counts().protocols()).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(tmp.resolve("clean/manifest.json").toFile()).get("filters").toString())
                .isEqualTo("{\"status\":[\"VERIFIED\",\"REVIEWED\"]}");
        assertThat(m.sources()).extracting(Manifest.Scan::name).containsExactly("IMG_0412.jpg", "IMG_0500.jpg");
    }

    @Test
    void placeAndPrecinctFiltersKeepOnlyProtocolsKnownToBeThere(@TempDir Path tmp) throws IOException {
        assertThat(precincts(tmp, ExportFilter.all().inCity("Семей"))).containsExactly("237", "39", "237", "240");
        // Kazakh name, other case: the same city.
        assertThat(precincts(tmp, ExportFilter.all().inCity("семей"))).hasSize(4);
        assertThat(precincts(tmp, ExportFilter.all().inCity("Орал"))).isEmpty();
        // 39 is not on the list, so its region is unknown.
        assertThat(precincts(tmp, ExportFilter.all().inRegion("Абайская область"))).containsExactly("237", "237", "240");
        assertThat(precincts(tmp, ExportFilter.all().inPrecincts(ExportFilter.PrecinctRange.parse("238-250"))))
                .containsExactly("240");
        assertThat(precincts(tmp, ExportFilter.of(ProtocolStatus.NEEDS_REVIEW).inPrecincts(ExportFilter.PrecinctRange.parse("237"))))
                .containsExactly("237");
    }

    @Test
    void datasetFlagsNameTheMissingPrecinctAndTheDisagreeingProtocols(@TempDir Path tmp) throws IOException {
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (JsonNode r : records(write(tmp, ExportFilter.all()))) {
            List<String> ids = new ArrayList<>();
            r.get("flags").forEach(f -> ids.add(f.get("id").asText()));
            flags.put(r.get("id").asText(), ids);
        }
        assertThat(flags).containsEntry("3ad8daefc7066b12-1", List.of(PrecinctAudit.CONFLICT))
                .containsEntry("7afae79a6442f68f-1", List.of("turnout_over_70", PrecinctAudit.NOT_IN_LIST));
        assertThat(flags.values().stream().filter(f -> f.contains(PrecinctAudit.CONFLICT))).hasSize(2);
    }

    @Test
    void anotherFolderIsNeverOverwrittenButAnEarlierDatasetIs(@TempDir Path tmp) throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "keep me");
        assertThatThrownBy(() -> exporter.write(ExportFilter.all(), mine)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Hattama dataset");
        assertThat(mine.resolve("thesis.txt")).hasContent("keep me");

        Path dataset = tmp.resolve("dataset");
        exporter.write(ExportFilter.all(), dataset);
        exporter.write(ExportFilter.of(ProtocolStatus.VERIFIED), dataset);
        assertThat(records(dataset)).hasSize(1);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("mine", "dataset");
        }
    }

    private static Path write(Path tmp, ExportFilter filter) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "filtered").resolve("dataset");
        exporter.write(filter, dir);
        return dir;
    }

    private static List<String> precincts(Path tmp, ExportFilter filter) throws IOException {
        return records(write(tmp, filter)).stream().map(r -> r.get("precinct").asText()).toList();
    }

    private static List<JsonNode> records(Path dir) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("protocols.jsonl"), StandardCharsets.UTF_8)) {
            records.add(Json.MAPPER.readTree(line));
        }
        return records;
    }
}
