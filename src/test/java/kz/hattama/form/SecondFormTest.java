package kz.hattama.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.config.DatasetProperties;
import kz.hattama.export.CsvExporter;
import kz.hattama.export.ExportFilter;
import kz.hattama.export.ExportSource;
import kz.hattama.export.JsonlExporter;
import kz.hattama.export.Samples;
import kz.hattama.export.TestExports;
import kz.hattama.protocol.Box;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldReading;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.Flag;
import kz.hattama.protocol.NumberCandidate;
import kz.hattama.protocol.PageReading;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.reconcile.Reconciler;
import kz.hattama.review.ReviewHistory;
import kz.hattama.stats.CsvReport;
import kz.hattama.stats.Statistics;
import kz.hattama.stats.StatisticsService;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Another election's protocol, defined only by a form file (a district akim's election: other lines, a two-sided
 * sheet, four candidates in the table instead of five parties, another turnout flag): reconciling, exporting and the
 * statistics take everything from that file. Nothing in the code names any of its keys.
 */
class SecondFormTest {

    static final FormDefinition FORM = FormLoader.load(Path.of("src/test/resources/forms/form-akim-2024-pec.json"));
    static final List<String> CANDIDATES = List.of("candidate_1", "candidate_2", "candidate_3", "candidate_4");

    static TestDatabase.Schema schema;
    static ProtocolResult clean;
    static ProtocolResult broken;

    /** Every relation holds; turnout 74.5 % and 50 of 745 issued outside raise no flag. */
    static Map<String, Integer> cleanFigures() {
        return figures(1000, 900, 700, 50, 150, 745, 300, 250, 120, 60, 15);
    }

    /**
     * The candidates' votes and the invalid ballots add up to 445 against 455 ballots in the boxes; turnout 91.0 %,
     * 60 of 455 issued outside (13.2 %).
     */
    static Map<String, Integer> brokenFigures() {
        return figures(500, 500, 400, 60, 40, 455, 200, 150, 50, 40, 5);
    }

    private static Map<String, Integer> figures(int... v) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) {
            out.put(FORM.keys().get(i), v[i]);
        }
        return out;
    }

    /** Both readings agree and are sure, every label found, the precinct number read alike by four looks. */
    static PageReading reading(String precinct, Map<String, Integer> values) {
        Map<String, FieldReading> fields = new LinkedHashMap<>();
        values.forEach((k, v) -> fields.put(k, new FieldReading(k, List.of(new NumberCandidate(v, 0.99)),
                List.of(new NumberCandidate(v, 0.98)), String.valueOf(v), "words of " + v, new Box(0, 0, 10, 10), 1.0)));
        List<PrecinctLook> looks = new ArrayList<>();
        for (String reader : List.of("header-text", "header-line", "number-tesseract", "number-model")) {
            looks.add(new PrecinctLook(PrecinctLook.Origin.HEADER, reader, precinct, 0.97, true));
        }
        return new PageReading("ru", looks, "г. Семей, ул. Абая 1", fields);
    }

    @BeforeAll
    static void readAndStore() {
        Reconciler reconciler = new Reconciler(FORM, 0.2, 0.2, 0.1, 0.995, 0.9, 0.9999);
        clean = reconciler.reconcile(reading("501", cleanFigures()));
        broken = reconciler.reconcile(reading("502", brokenFigures()));
        schema = TestDatabase.migratedSchema();
        TestDatabase.Stores stores = schema.stores();
        Samples.read(stores, 0, "IMG_0501.jpg", "scan of 501", clean);
        Samples.read(stores, 1, "IMG_0502.jpg", "scan of 502", broken);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void reconcilesByTheFormsOwnRelationsAndFlags() {
        assertThat(clean.form()).isEqualTo("akim-2024-pec");
        assertThat(clean.status()).isEqualTo(ProtocolStatus.VERIFIED);
        assertThat(clean.fields().keySet()).containsExactlyElementsOf(FORM.keys());
        assertThat(clean.checks()).filteredOn(c -> c.field() == null).extracting(CheckResult::id, CheckResult::passed)
                .containsExactly(tuple("ballots_accounted", true), tuple("boxes_le_issued", true),
                        tuple("candidates_balance", true), tuple("issued_le_list", true));
        assertThat(clean.flags()).isEmpty();

        assertThat(broken.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
        assertThat(broken.checks()).filteredOn(c -> !c.passed()).extracting(CheckResult::id, CheckResult::detail)
                .containsExactly(tuple("candidates_balance", "445 (200 + 150 + 50 + 40 + 5) ≠ 455"));
        assertThat(broken.fields().get("candidate_2").status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(broken.fields().get("voters_on_list").status()).isEqualTo(FieldStatus.VERIFIED);
        // Each flag is worded by its own template, not as a turnout.
        assertThat(broken.flags()).extracting(Flag::id, Flag::detail).containsExactly(
                tuple("turnout_over_80", "455 of 500 on the list voted, 91.0 %"),
                tuple("outside_over_10", "13.2 % of the ballots were issued outside the station"));
    }

    private static ExportSource source() {
        TestDatabase.Stores stores = schema.stores();
        return new ExportSource(stores.protocols(), stores.pages(), FORM, TestExports.places(schema), ReviewHistory.NONE);
    }

    @Test
    void exportsTheFormsKeys() throws IOException {
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        assertThat(new JsonlExporter(source()).write(ExportFilter.all(), jsonl)).isEqualTo(2);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : jsonl.toString(StandardCharsets.UTF_8).split("\n")) {
            records.add(json.readTree(line));
        }
        JsonNode second = records.stream().filter(r -> r.path("precinct").asText().equals("502")).findFirst().orElseThrow();
        assertThat(second.path("form").asText()).isEqualTo("akim-2024-pec");
        List<String> keys = new ArrayList<>();
        second.path("fields").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(FORM.keys());
        assertThat(second.path("fields").path("candidate_4").path("value").asInt()).isEqualTo(40);
        assertThat(second.path("flags").get(0).path("detail").asText()).isEqualTo("455 of 500 on the list voted, 91.0 %");

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new CsvExporter(source()).write(ExportFilter.all(), csv);
        String header = csv.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        assertThat(header).startsWith("id,voters_on_list,voters_on_list_status,ballots_received,")
                .contains(",candidate_4,candidate_4_status,ballots_invalid,ballots_invalid_status,precinct,")
                .doesNotContain("party_", "voters_total");
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("candidates_balance");
    }

    @Test
    void statisticsShareTheVotesOutAmongTheCandidates() throws IOException {
        TestDatabase.Stores stores = schema.stores();
        Statistics stats = new StatisticsService(stores.protocols(), stores.pages(), TestExports.places(schema), FORM,
                DatasetProperties.defaults(), Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC))
                .compute();
        assertThat(stats.form()).isEqualTo("akim-2024-pec");
        assertThat(stats.parties()).extracting(Statistics.Party::key).containsExactlyElementsOf(CANDIDATES);
        assertThat(stats.parties()).extracting(Statistics.Party::name)
                .containsExactly("Ахметов", "Бекова", "Касымов", "Оспанова");
        assertThat(stats.turnoutFlagPercent()).isEqualTo(80.0);

        Statistics.Scope all = stats.scope(StatisticsService.ALL);
        assertThat(all.precincts()).isEqualTo(2);
        // Turnout is the form's turnout flag's ratio: ballots in the boxes over voters on the list.
        assertThat(all.total().votersTotal()).isEqualTo(1000 + 500);
        assertThat(all.total().participated()).isEqualTo(745 + 455);
        assertThat(all.total().votes()).containsExactly(300L + 200, 250L + 150, 120L + 50, 60L + 40);
        assertThat(all.failedChecks()).containsExactly(Map.entry("candidates_balance", 1));
        assertThat(all.flagged()).extracting(Statistics.FlaggedPrecinct::precinct, Statistics.FlaggedPrecinct::flag,
                        Statistics.FlaggedPrecinct::detail)
                .contains(tuple("502", "turnout_over_80", "455 of 500 on the list voted, 91.0 %"));
        assertThat(stats.scope(StatisticsService.CLEAN).precincts()).isEqualTo(1);

        StringWriter csv = new StringWriter();
        new CsvReport().write(stats, csv);
        assertThat(csv.toString().lines().findFirst().orElseThrow())
                .contains("candidate_1_votes,candidate_1_pct,", "candidate_4_votes,candidate_4_pct,flags");
    }
}
