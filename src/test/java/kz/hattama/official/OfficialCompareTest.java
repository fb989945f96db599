package kz.hattama.official;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.cli.ComparisonReport;
import kz.hattama.export.Json;
import kz.hattama.export.Samples;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev set's truth stored as protocols read perfectly, and an official CSV written from the same truth with planted
 * differences, a precinct left out of it, one it has that no protocol came from, a second protocol of one precinct
 * and a protocol whose number is unsure: {@code official compare} lists exactly what was planted.
 */
class OfficialCompareTest {

    static final Path TRUTH = Path.of("src/test/resources/golden/devset-truth.jsonl");

    private static TestDatabase.Schema schema;
    private static List<Map<String, Integer>> truths;
    private static List<String> precincts;
    private static List<String> uids;
    private static OfficialComparer comparer;
    private static String csvText;

    @BeforeAll
    static void storeTheDevSetAndTheOfficialResults() throws IOException {
        schema = TestDatabase.migratedSchema();
        TestDatabase.Stores store = schema.stores();
        truths = new ArrayList<>();
        precincts = new ArrayList<>();
        uids = new ArrayList<>();
        int seq = 0;
        for (String line : Files.readAllLines(TRUTH)) {
            JsonNode t = Json.MAPPER.readTree(line);
            Map<String, Integer> values = new LinkedHashMap<>();
            for (String key : Protocols.FORM.keys()) {
                values.put(key, null);
            }
            t.get("fields").fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().asInt()));
            t.get("parties").forEach(p -> values.put("party_" + p.get("line").asInt(), p.get("votes").asInt()));
            truths.add(values);
            precincts.add(t.get("precinct").asText());
            uids.add(uid(store, Samples.read(store, seq++, t.get("file").asText(), "scan " + seq,
                    Samples.perfect(t.get("precinct").asText(), "г. Семей", values, Map.of(), false))));
        }
        // A second photo of the 13th precinct's protocol, party_1 read five more (so its votes do not balance).
        Map<String, Integer> second = new LinkedHashMap<>(truths.get(12));
        second.put("party_1", second.get("party_1") + 5);
        uids.add(uid(store, Samples.read(store, seq++, "second.jpg", "second photo",
                Samples.perfect(precincts.get(12), "г. Семей", second, Map.of(), false))));
        // A protocol whose number the looks disagreed on, and a file that was no protocol: neither is compared.
        ProtocolResult p = Samples.perfect("7777", "г. Семей", truths.get(0), Map.of(), false);
        uids.add(uid(store, Samples.read(store, seq++, "unsure.jpg", "unsure number", new ProtocolResult(p.form(),
                p.lang(), p.precinct(), p.address(), p.fields(), p.checks(), p.flags(), ProtocolStatus.NEEDS_REVIEW,
                FieldStatus.NEEDS_REVIEW, 0.5, null))));
        Samples.reject(store, seq, "notes.txt", "not a scan", RejectionCode.UNSUPPORTED_TYPE);

        StringBuilder csv = new StringBuilder("precinct," + String.join(",", Protocols.FORM.keys()) + "\n");
        for (int i = 0; i < truths.size(); i++) {
            if (i == 10) {
                continue; // published without this precinct
            }
            Map<String, Integer> official = new LinkedHashMap<>(truths.get(i));
            if (i == 2) {
                official.merge("party_2", 37, Integer::sum);
            } else if (i == 5) {
                official.merge("voters_total", -100, Integer::sum);
            } else if (i == 7) {
                official.merge("ballots_invalid", 1, Integer::sum);
                official.merge("party_5", -3, Integer::sum);
            }
            csv.append(precincts.get(i)).append(',').append(join(official.values())).append('\n');
        }
        csv.append("99999,").append(join(truths.get(0).values())).append('\n');
        csvText = csv.toString();

        OfficialCsvReader.Result read = OfficialCsvReader.read(new StringReader(csvText), Protocols.FORM);
        assertThat(read.errors()).isEmpty();
        OfficialStore official = new OfficialStore(schema.jdbc(), new DataSourceTransactionManager(schema.dataSource()));
        official.replaceAll(read.lines());
        comparer = new OfficialComparer(store.protocols(), store.pages(), official, Protocols.FORM);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    private static String uid(TestDatabase.Stores store, long sourceId) {
        return schema.jdbc().queryForObject("select uid from protocol where source_id = ?", String.class, sourceId);
    }

    private static String join(java.util.Collection<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static Difference figure(int i, String key, int officialMinusProtocol) {
        int read = truths.get(i).get(key);
        return new Difference(precincts.get(i), Difference.Kind.FIGURE, key, read, read + officialMinusProtocol,
                "VERIFIED", uids.get(i));
    }

    @Test
    void compareListsExactlyThePlantedDifferences() {
        List<Difference> expected = new ArrayList<>(List.of(
                figure(2, "party_2", 37),
                figure(5, "voters_total", -100),
                figure(7, "party_5", -3),
                figure(7, "ballots_invalid", 1),
                new Difference(precincts.get(10), Difference.Kind.NO_OFFICIAL_RESULT, null, null, null, null, uids.get(10)),
                new Difference(precincts.get(12), Difference.Kind.SEVERAL_PROTOCOLS, null, null, null, null, uids.get(12)),
                new Difference(precincts.get(12), Difference.Kind.SEVERAL_PROTOCOLS, null, null, null, null, uids.get(30)),
                new Difference(precincts.get(12), Difference.Kind.FIGURE, "party_1", truths.get(12).get("party_1") + 5,
                        truths.get(12).get("party_1"), "NEEDS_REVIEW", uids.get(30)),
                new Difference("99999", Difference.Kind.NO_PROTOCOL, null, null, null, null, null),
                new Difference("7777", Difference.Kind.PRECINCT_UNSURE, null, null, null, null, uids.get(31))));
        expected.sort(java.util.Comparator.comparing(Difference::precinct, Comparison.BY_NUMBER)
                .thenComparing(d -> d.kind() == Difference.Kind.PRECINCT_UNSURE));

        OfficialComparer.Outcome outcome = comparer.compare();

        assertThat(outcome.rows()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(outcome.rows().get(outcome.rows().size() - 1).kind()).isEqualTo(Difference.Kind.PRECINCT_UNSURE);
        assertThat(outcome.protocols()).isEqualTo(32);
        assertThat(outcome.officialLines()).isEqualTo(30);
        assertThat(figure(2, "party_2", 37).difference()).isEqualTo(37);
    }

    @Test
    void theCsvHasOneRowPerDifferenceUnderTheIssuesHeader() throws IOException {
        StringWriter out = new StringWriter();
        ComparisonReport.write(ComparisonReport.Format.csv, comparer.compare(), Protocols.FORM, out);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("precinct,field,protocol,official,difference,field_status,protocol_id");
        assertThat(lines).hasSize(11)
                .contains(precincts.get(5) + ",voters_total," + truths.get(5).get("voters_total") + ","
                        + (truths.get(5).get("voters_total") - 100) + ",-100,VERIFIED," + uids.get(5))
                .contains("99999,no_protocol,,,,,")
                .contains(precincts.get(10) + ",no_official_result,,,,," + uids.get(10));
    }

    @Test
    void theTextSaysWhatDiffersInWords() throws IOException {
        StringWriter out = new StringWriter();
        ComparisonReport.write(ComparisonReport.Format.text, comparer.compare(), Protocols.FORM, out);
        assertThat(out.toString())
                .contains("precinct " + precincts.get(2) + ", protocol " + uids.get(2) + ": party_2 (Nur Otan) protocol "
                        + truths.get(2).get("party_2") + ", official " + (truths.get(2).get("party_2") + 37)
                        + ", official − protocol +37 (figure VERIFIED)")
                .contains("precinct 99999: official result, but no protocol was received")
                .contains("4 precincts whose protocol differs from the official result (5 figures); 1 with a protocol"
                        + " but no official result; 1 with an official result but no protocol.");
    }

    @Test
    void aProtocolWhoseFiguresAgreeHasNoRow() {
        assertThat(comparer.compare().rows()).noneMatch(d -> uids.get(0).equals(d.protocolId()));
    }
}
