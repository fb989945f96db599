package kz.hattama.batch;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.HattamaApplication;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static kz.hattama.batch.DigitizeJobFunctionalTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protocols printed on both sides of the sheet, through digitize and export: the sides of one sheet become one
 * record citing both files whatever order they came in, a two-page PDF is one protocol, a side that arrives in a later
 * upload joins its protocol, and a protocol whose officers did not sign fails {@code signed}.
 */
class TwoSidedProtocolTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/paperwork");
    /** What is written on the two photos (precinct 898, Kazakh). */
    static final Map<String, Integer> FIGURES = Map.ofEntries(Map.entry("voters_total", 2884),
            Map.entry("ballots_received", 1879), Map.entry("ballots_issued", 1221),
            Map.entry("voters_participated", 1221), Map.entry("voted_outside", 18), Map.entry("party_1", 546),
            Map.entry("party_2", 183), Map.entry("party_3", 91), Map.entry("party_4", 10), Map.entry("party_5", 386),
            Map.entry("ballots_invalid", 5), Map.entry("ballots_unused", 658));

    TestDatabase.Schema schema;
    final kz.hattama.SystemProperties properties = new kz.hattama.SystemProperties();

    @BeforeEach
    void database() {
        schema = DigitizeJobFunctionalTest.emptyDatabase(properties);
        properties.set("hattama.workers", "2");
    }

    @AfterEach
    void restore() {
        properties.restore();
        schema.close();
    }

    private static Path upload(Path dir, Map<String, String> cameraNameToFixture) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : cameraNameToFixture.entrySet()) {
            Files.copy(FIXTURES.resolve(e.getValue()), dir.resolve(e.getKey()));
        }
        return dir;
    }

    private static List<JsonNode> export(Path tmp) throws IOException {
        Path out = tmp.resolve("export-" + System.nanoTime() + ".jsonl");
        assertThat(HattamaApplication.run("export", "--out", out.toString())).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static JsonNode check(JsonNode record, String id) {
        for (JsonNode c : record.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + record);
    }

    private static void hasEveryFigure(JsonNode record) {
        FIGURES.forEach((key, value) -> assertThat(record.get("fields").get(key).get("value").asInt())
                .as(key).isEqualTo(value));
    }

    @Test
    void theBackPhotographedFirstAndATwoPagePdfEachMakeOneProtocol(@TempDir Path tmp) throws IOException {
        Path in = upload(tmp.resolve("in"), Map.of("IMG_0101.jpg", "two-sided-kk-back.jpg",
                "IMG_0102.jpg", "two-sided-kk-front.jpg", "SCAN_0103.pdf", "two-page-pdf-unsigned-officers.pdf"));

        assertThat(HattamaApplication.run("digitize", in.toString())).isZero();

        List<JsonNode> records = export(tmp);
        assertThat(records).hasSize(2);
        JsonNode photos = records.stream().filter(r -> r.get("precinct").asText().equals("898")).findFirst().orElseThrow();
        // Filed under the side with the header, and citing both files.
        assertThat(photos.get("source_files")).extracting(JsonNode::asText).containsExactly("IMG_0102.jpg", "IMG_0101.jpg");
        assertThat(photos.get("source_sha256")).hasSize(2);
        hasEveryFigure(photos);
        assertThat(check(photos, "pages_complete").get("passed").asBoolean()).isTrue();
        assertThat(check(photos, "signed").get("passed").asBoolean()).isTrue();

        // The review page crops each field from its own side's page, and the signatures from side 2's.
        Map<String, Object> row = schema.jdbc().queryForMap(
                "select id, signature_box::text as box from protocol where precinct = '898'");
        assertThat((String) row.get("box")).contains("\"page\": 1");
        assertThat(schema.jdbc().queryForObject("select count(*) from protocol_page where protocol_id = ?", Integer.class,
                row.get("id"))).isEqualTo(1);
        assertThat(schema.jdbc().queryForObject("select page from protocol_field where protocol_id = ? and key = 'party_1'",
                Integer.class, row.get("id"))).isEqualTo(1);
        assertThat(schema.jdbc().queryForObject("select page from protocol_field where protocol_id = ? and key = 'voters_total'",
                Integer.class, row.get("id"))).isZero();

        JsonNode pdf = records.stream().filter(r -> r.get("precinct").asText().equals("355")).findFirst().orElseThrow();
        assertThat(pdf.get("source_files")).extracting(JsonNode::asText).containsExactly("SCAN_0103.pdf");
        assertThat(pdf.get("fields").get("party_2").get("value").asInt()).isEqualTo(265);
        assertThat(check(pdf, "pages_complete").get("passed").asBoolean()).isTrue();
        JsonNode signed = check(pdf, "signed");
        assertThat(signed.get("passed").asBoolean()).isFalse();
        assertThat(signed.get("detail").asText()).contains("Chairman", "Secretary");
        assertThat(pdf.get("status").asText()).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void aSideThatArrivesInALaterUploadJoinsItsProtocolAndTheChecksAreComputedAgain(@TempDir Path tmp) throws IOException {
        assertThat(HattamaApplication.run("digitize",
                upload(tmp.resolve("first"), Map.of("IMG_0412.jpg", "two-sided-kk-front.jpg")).toString())).isZero();
        List<JsonNode> before = export(tmp);
        assertThat(before).hasSize(1);
        JsonNode incomplete = before.get(0);
        assertThat(check(incomplete, "pages_complete").get("passed").asBoolean()).isFalse();
        assertThat(check(incomplete, "pages_complete").get("detail").asText()).isEqualTo("side 2 missing");
        JsonNode party = incomplete.get("fields").get("party_1");
        assertThat(party.get("value").isNull()).isTrue();
        assertThat(party.get("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(party.get("reasons").findValuesAsText("code")).contains("side_missing");
        assertThat(incomplete.get("fields").get("voters_total").get("value").asInt()).isEqualTo(2884);

        assertThat(HattamaApplication.run("digitize",
                upload(tmp.resolve("later"), Map.of("IMG_0415.jpg", "two-sided-kk-back.jpg")).toString())).isZero();
        List<JsonNode> after = export(tmp);
        assertThat(after).hasSize(1);
        JsonNode joined = after.get(0);
        assertThat(joined.get("id").asText()).isEqualTo(incomplete.get("id").asText());
        assertThat(joined.get("source_files")).extracting(JsonNode::asText).containsExactly("IMG_0412.jpg", "IMG_0415.jpg");
        hasEveryFigure(joined);
        assertThat(check(joined, "pages_complete").get("passed").asBoolean()).isTrue();
        assertThat(check(joined, "votes_balance").get("passed").asBoolean()).isTrue();
    }
}
