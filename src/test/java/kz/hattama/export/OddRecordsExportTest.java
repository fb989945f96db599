package kz.hattama.export;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.precinct.Precinct;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export format over a set with {@link OddRecords} among ordinary protocols: one record the outputs cannot place
 * or whose figures are missing is exported as it is, and the others with it.
 */
class OddRecordsExportTest {

    private static final int RECORDS = 4 + OddRecords.COUNT;

    private static TestDatabase.Schema schema;
    private static ExportSource source;

    @BeforeAll
    static void storeProtocols() {
        schema = TestDatabase.migratedSchema();
        ExportGoldenTest.storeSamples(schema.stores());
        OddRecords.store(schema.stores(), 4);
        TestExports.precincts(schema).replaceAll(List.of(
                new Precinct("237", "Абайская область", "город Семей", "Семей", null),
                new Precinct("77", "Абайская область", "город Семей", null, "г. Семей, ул. Кутжанова 3")));
        source = TestExports.source(schema);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    /** The records by their first source file. */
    private static Map<String, JsonNode> byFile(List<String> lines) throws IOException {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        for (String line : lines) {
            JsonNode r = Json.MAPPER.readTree(line);
            records.put(r.get("source_files").get(0).asText(), r);
        }
        return records;
    }

    @Test
    void jsonLinesHoldEveryRecordAsItWasStored() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new JsonlExporter(source).write(ExportFilter.all(), out);

        assertThat(n).isEqualTo(RECORDS);
        Map<String, JsonNode> records = byFile(out.toString(StandardCharsets.UTF_8).lines().toList());
        assertThat(records).hasSize(RECORDS);

        JsonNode noNumber = records.get(OddRecords.PRECINCT_NOT_READ);
        assertThat(noNumber.get("precinct").isNull()).isTrue();
        assertThat(noNumber.get("location").get("city").asText()).isEqualTo("Семей");
        assertThat(noNumber.get("location").get("from").asText()).isEqualTo("address");

        JsonNode noHeader = records.get(OddRecords.HEADER_NOT_READ);
        for (String key : List.of("precinct", "address", "lang")) {
            assertThat(noHeader.get(key).isNull()).as(key).isTrue();
        }
        assertThat(noHeader.get("location").get("from").asText()).isEqualTo("unknown");
        assertThat(noHeader.get("checks").findValuesAsText("id")).contains("votes_balance");
        assertThat(noHeader.get("flags").get(0).get("detail").isNull()).isTrue();

        assertThat(records.get(OddRecords.BLANK_PRECINCT).get("location").get("city").asText()).isEqualTo("Уральск");
        assertThat(records.get(OddRecords.SOME_FIGURES_MISSING).get("location").get("region").asText())
                .isEqualTo("Абайская область");
        assertThat(records.get(OddRecords.SOME_FIGURES_MISSING).get("fields").get("party_3").get("value").isNull()).isTrue();
        JsonNode noFigures = records.get(OddRecords.NO_FIGURES);
        assertThat(noFigures.get("fields")).hasSize(12).allSatisfy(f -> {
            assertThat(f.get("value").isNull()).isTrue();
            assertThat(f.get("status").asText()).isEqualTo("NEEDS_REVIEW");
        });

        assertThat(records.get(OddRecords.CORRUPT).get("rejection").get("code").asText()).isEqualTo("CORRUPT_FILE");
        assertThat(records.get(OddRecords.INTERNAL_ERROR).get("rejection").get("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(records.get(OddRecords.SENT_AGAIN).get("rejection").get("code").asText()).isEqualTo("DUPLICATE");
    }

    @Test
    void csvHasARowForEveryRecordWithEmptyCellsForWhatIsNotKnown() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long n = new CsvExporter(source).write(ExportFilter.all(), out);

        assertThat(n).isEqualTo(RECORDS);
        List<CSVRecord> rows;
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            rows = csv.getRecords();
        }
        assertThat(rows).hasSize(RECORDS);
        CSVRecord noHeader = rows.stream().filter(r -> r.get("source_files").equals(OddRecords.HEADER_NOT_READ))
                .findFirst().orElseThrow();
        assertThat(List.of(noHeader.get("precinct"), noHeader.get("lang"), noHeader.get("region"), noHeader.get("city")))
                .containsOnly("");
        assertThat(noHeader.get("failed_checks")).contains("votes_balance");
        CSVRecord noFigures = rows.stream().filter(r -> r.get("source_files").equals(OddRecords.NO_FIGURES))
                .findFirst().orElseThrow();
        assertThat(noFigures.get("voters_total")).isEmpty();
        assertThat(noFigures.get("voters_total_status")).isEqualTo("NEEDS_REVIEW");
        assertThat(rows).filteredOn(r -> r.get("status").equals("REJECTED")).extracting(r -> r.get("rejection_code"))
                .containsExactlyInAnyOrder("UNSUPPORTED_TYPE", "DUPLICATE", "CORRUPT_FILE", "INTERNAL_ERROR", "DUPLICATE");
    }

    @Test
    void theDatasetFolderAndZipHoldEveryRecordAndVerify(@TempDir Path tmp) throws IOException {
        DatasetExporter exporter = new DatasetExporter(new JsonlExporter(source), new CsvExporter(source),
                Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC), "test");

        Manifest m = exporter.write(ExportFilter.all(), tmp.resolve("dataset"));
        exporter.write(ExportFilter.all(), tmp.resolve("dataset.zip"));

        assertThat(m.counts().protocols()).isEqualTo(RECORDS);
        assertThat(m.counts().byStatus()).containsEntry(ProtocolStatus.REJECTED, 5L)
                .containsEntry(ProtocolStatus.NEEDS_REVIEW, 4L).containsEntry(ProtocolStatus.VERIFIED, 3L);
        DatasetExportTest.assertChecksumsHold(tmp.resolve("dataset"));
        assertThat(Files.readAllLines(tmp.resolve("dataset/protocols.jsonl"))).hasSize(RECORDS);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(tmp.resolve("dataset.zip")))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("protocols.jsonl");
            assertThat(zip.readAllBytes()).isEqualTo(Files.readAllBytes(tmp.resolve("dataset/protocols.jsonl")));
        }
    }

    @Test
    void filtersPlaceRecordsWithoutANumberByTheirAddressAndLeaveThemOutOfRanges() {
        assertThat(files(ExportFilter.all().inCity("Семей"))).containsExactly("IMG_0412.jpg", "upload.zip!/folder/a.jpg",
                OddRecords.PRECINCT_NOT_READ, OddRecords.SOME_FIGURES_MISSING);
        assertThat(files(ExportFilter.all().inPrecincts(ExportFilter.PrecinctRange.parse("70-80"))))
                .containsExactly(OddRecords.SOME_FIGURES_MISSING, OddRecords.NO_FIGURES);
    }

    private static List<String> files(ExportFilter filter) {
        List<String> files = new java.util.ArrayList<>();
        source.forEach(filter, r -> files.add(r.sourceFiles().get(0)));
        return files;
    }
}
