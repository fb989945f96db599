package kz.hattama.stats;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.config.DatasetProperties;
import kz.hattama.export.Json;
import kz.hattama.export.Samples;
import kz.hattama.export.TestExports;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev set as if every protocol had been read perfectly: the statistics table must equal sums computed here,
 * independently, from truth.jsonl, for every city, in both scopes. The truth names no address, so each protocol is
 * given one of the generator's printed addresses (devset-generator/forms.py, Russian or Kazakh as the protocol), and
 * the city it must count under is known here by index, not parsed.
 */
class StatsDevsetTest {

    static final Path TRUTH = Path.of("src/test/resources/golden/devset-truth.jsonl");
    /** Where the report is left for a person to look at. */
    static final Path REPORT = Path.of("target/devset-stats.html");

    private static final String[] CITY = {"Семей", "Уральск", "Актобе", "Балхаш", "Алматы", "Астана"};
    private static final Map<String, String[]> PLACES = Map.of(
            "ru", new String[]{"г. Семей, ул. Бегалина 6, школа № 12", "г. Уральск, ул. Достык 41, СОШ № 9",
                    "г. Актобе, пр. Абулхаир хана 55", "г. Балхаш, ул. Ленина 3, Дом культуры",
                    "г. Алматы, ул. Толе би 150, гимназия № 27", "г. Астана, ул. Сарыарка 12, школа № 67"},
            "kk", new String[]{"Семей қаласы, Бегалин көшесі 6, № 12 мектеп", "Орал қаласы, Достық даңғылы 41",
                    "Ақтөбе қаласы, Әбілқайыр хан даңғылы 55", "Балқаш қаласы, Ленин көшесі 3, Мәдениет үйі",
                    "Алматы қаласы, Төле би көшесі 150, № 27 гимназия", "Нұр-Сұлтан қаласы, Сарыарқа көшесі 12"});

    private static final List<String> PARTIES = List.of("party_1", "party_2", "party_3", "party_4", "party_5");

    /** One truth protocol: its city (by construction), whether it is planted with a violation, its figures. */
    record Truth(String city, boolean violation, Map<String, Integer> values) {
    }

    private static TestDatabase.Schema schema;
    private static List<Truth> truths;
    private static Statistics stats;
    private static List<CSVRecord> csv;

    @BeforeAll
    static void storeTheDevSetAsReadPerfectly() throws IOException {
        schema = TestDatabase.migratedSchema();
        Stores store = schema.stores();
        truths = new ArrayList<>();
        int i = 0;
        for (String line : Files.readAllLines(TRUTH)) {
            JsonNode t = Json.MAPPER.readTree(line);
            Map<String, Integer> values = new LinkedHashMap<>();
            t.get("fields").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asInt()));
            t.get("parties").forEach(p -> values.put("party_" + p.get("line").asInt(), p.get("votes").asInt()));
            Map<String, Integer> words = new HashMap<>();
            JsonNode differ = t.get("words_differ");
            if (differ != null && !differ.isNull()) {
                words.put(differ.get("field").asText(), differ.get("words").asInt());
            }
            int place = i % CITY.length;
            String address = PLACES.get(t.get("lang").asText())[place];
            Samples.read(store, i, t.get("file").asText(), "dev-set scan " + t.get("file").asText(),
                    Samples.perfect(t.get("precinct").asText(), address, Samples.figures(ordered(values)), words, false));
            truths.add(new Truth(CITY[place], !t.get("violation").isNull(), values));
            i++;
        }
        stats = new StatisticsService(store.protocols(), store.pages(), TestExports.places(schema), Protocols.FORM, DatasetProperties.defaults(),
                Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC)).compute();
        StringWriter out = new StringWriter();
        new CsvReport().write(stats, out);
        csv = CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(out.toString())).getRecords();
        Files.createDirectories(REPORT.getParent());
        HtmlReportBrowserTest.write(stats, REPORT);
    }

    private static int[] ordered(Map<String, Integer> values) {
        return Protocols.FORM.keys().stream().mapToInt(values::get).toArray();
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    /** Sums over the truth, by city: precincts, voters_total, voters_participated, then each party's votes. */
    private static Map<String, long[]> sumsByCity(boolean cleanOnly) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Truth t : truths) {
            if (cleanOnly && t.violation()) {
                continue;
            }
            long[] s = sums.computeIfAbsent(t.city(), c -> new long[3 + PARTIES.size()]);
            s[0]++;
            s[1] += t.values().get("voters_total");
            s[2] += t.values().get("voters_participated");
            for (int p = 0; p < PARTIES.size(); p++) {
                s[3 + p] += t.values().get(PARTIES.get(p));
            }
        }
        return sums;
    }

    @ParameterizedTest
    @ValueSource(strings = {StatisticsService.ALL, StatisticsService.CLEAN})
    void everyCityOfTheTableMatchesTheTruthSums(String scopeId) {
        Map<String, long[]> expected = sumsByCity(scopeId.equals(StatisticsService.CLEAN));
        Statistics.Scope scope = stats.scope(scopeId);

        assertThat(scope.cities()).extracting(Statistics.Area::name).containsExactlyElementsOf(expected.keySet());
        for (Statistics.Area city : scope.cities()) {
            long[] e = expected.get(city.name());
            assertThat(city.precincts()).as(city.name()).isEqualTo(e[0]);
            assertThat(city.votersTotal()).as(city.name()).isEqualTo(e[1]);
            assertThat(city.participated()).as(city.name()).isEqualTo(e[2]);
            for (int p = 0; p < PARTIES.size(); p++) {
                assertThat(city.votes().get(p)).as(city.name() + " " + PARTIES.get(p)).isEqualTo(e[3 + p]);
            }
        }
        long precincts = expected.values().stream().mapToLong(s -> s[0]).sum();
        assertThat(scope.precincts()).isEqualTo(precincts);
        assertThat(scope.total().participated()).isEqualTo(expected.values().stream().mapToLong(s -> s[2]).sum());
    }

    @ParameterizedTest
    @ValueSource(strings = {StatisticsService.ALL, StatisticsService.CLEAN})
    void thePublishedPercentagesAreTheTruthSharesRounded(String scopeId) {
        Map<String, long[]> expected = sumsByCity(scopeId.equals(StatisticsService.CLEAN));
        Map<String, CSVRecord> rows = new HashMap<>();
        csv.stream().filter(r -> r.get("scope").equals(scopeId) && r.get("level").equals("city"))
                .forEach(r -> rows.put(r.get("name"), r));

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((city, e) -> {
            CSVRecord row = rows.get(city);
            assertThat(row.get("turnout_pct")).as(city).isEqualTo(pct(e[2], e[1]));
            for (int p = 0; p < PARTIES.size(); p++) {
                assertThat(row.get(PARTIES.get(p) + "_votes")).as(city).isEqualTo(Long.toString(e[3 + p]));
                assertThat(row.get(PARTIES.get(p) + "_pct")).as(city + " " + PARTIES.get(p)).isEqualTo(pct(e[3 + p], e[2]));
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {StatisticsService.ALL, StatisticsService.CLEAN})
    void everyPlantedViolationIsCountedByItsCheck(String scopeId) {
        Map<String, Integer> failed = stats.scope(scopeId).failedChecks();
        if (scopeId.equals(StatisticsService.CLEAN)) {
            assertThat(failed).isEmpty();
        } else {
            // 2 ballot_balance, 2 participated_gt_issued, 1 party_sum and 3 words_differ planted in truth.jsonl.
            assertThat(failed).containsEntry("ballots_balance", 2).containsEntry("participated_le_issued", 2)
                    .containsEntry("votes_balance", 1).containsEntry("words_match", 3);
        }
    }

    private static String pct(long part, long whole) {
        return String.format(Locale.ROOT, "%.2f", 100.0 * part / whole);
    }
}
