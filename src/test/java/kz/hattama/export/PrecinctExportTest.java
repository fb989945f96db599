package kz.hattama.export;

import kz.hattama.protocol.ReviewReason;
import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The precinct number's status and confidence beside it in every export format, and what an unsure one changes. */
class PrecinctExportTest {

    private static TestDatabase.Schema schema;
    private static ExportSource source;

    @BeforeAll
    static void store() {
        schema = TestDatabase.migratedSchema();
        Samples.read(schema.stores(), 0, "IMG_0412.jpg", "photo of precinct 237", Protocols.verified());
        ProtocolResult p = Protocols.verified();
        // The same sheet again, its number read 29 by one look: unsure, so the protocol waits for a person.
        Samples.read(schema.stores(), 1, "IMG_0413.jpg", "photo of precinct 237, sealed", new ProtocolResult(p.form(),
                p.lang(), "29", p.address(), p.fields(), p.checks(), p.flags(), ProtocolStatus.NEEDS_REVIEW,
                FieldStatus.NEEDS_REVIEW, 0.62,
                List.of(ReviewReason.of(ReviewReason.Code.PRECINCT_DISAGREE, "29 ≠ 237 (number-model)"))));
        TestExports.precincts(schema).replaceAll(List.of(new kz.hattama.precinct.Precinct("29", "Западно-Казахстанская область",
                "город Уральск", "Уральск", null)));
        source = TestExports.source(schema);
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    void jsonLinesCarryPrecinctStatusAndConfidenceBesideThePrecinct() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonlExporter(source).write(ExportFilter.all(), out);
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            records.add(Json.MAPPER.readTree(line));
        }
        JsonNode sure = records.get(0);
        JsonNode unsure = records.get(1);
        List<String> keys = new ArrayList<>();
        unsure.fieldNames().forEachRemaining(keys::add);
        assertThat(keys.subList(3, 6)).containsExactly("precinct", "precinct_status", "precinct_confidence");
        assertThat(sure.get("precinct_status").asText()).isEqualTo("VERIFIED");
        assertThat(sure.get("precinct_confidence").asDouble()).isEqualTo(0.98);
        assertThat(unsure.get("precinct").asText()).isEqualTo("29");
        assertThat(unsure.get("precinct_status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(unsure.get("precinct_confidence").asDouble()).isEqualTo(0.62);
        // Never used silently: not placed by the list's precinct 29, not in conflict with 237, but flagged as unsure.
        assertThat(unsure.get("location").get("city").asText()).isEqualTo("Семей");
        assertThat(unsure.get("flags").findValuesAsText("id")).containsExactly("precinct_unsure");
        assertThat(sure.get("flags").findValuesAsText("id")).containsExactly("precinct_not_in_list");
    }

    @Test
    void csvHasPrecinctStatusAndConfidenceColumns() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter(source).write(ExportFilter.all(), out);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).extracting(r -> r.get("precinct"), r -> r.get("precinct_status"), r -> r.get("precinct_confidence"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("237", "VERIFIED", "0.98"),
                        org.assertj.core.groups.Tuple.tuple("29", "NEEDS_REVIEW", "0.62"));
    }

    /** A precinct range keeps only protocols known to be there: an unsure number is not known. */
    @Test
    void aPrecinctRangeLeavesAnUnsureNumberOut() {
        List<ExportRecord> kept = new ArrayList<>();
        source.forEach(ExportFilter.all().inPrecincts(new ExportFilter.PrecinctRange(1, 1000)), kept::add);
        assertThat(kept).extracting(ExportRecord::precinct).containsExactly("237");
    }
}
