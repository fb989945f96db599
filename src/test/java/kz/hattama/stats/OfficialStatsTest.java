package kz.hattama.stats;

import kz.hattama.config.DatasetProperties;
import kz.hattama.export.Samples;
import kz.hattama.export.TestExports;
import kz.hattama.official.OfficialLine;
import kz.hattama.official.OfficialStore;
import kz.hattama.protocol.CheckResult;
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
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static kz.hattama.export.Samples.consistent;
import static kz.hattama.export.Samples.figures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Protocols beside official results, and the observers' count, on a set made here: every figure below is worked out
 * by hand. The checks {@code pages_complete} and {@code signed} are stored as the reconciler will store them, failed.
 */
class OfficialStatsTest {

    private static TestDatabase.Schema schema;
    private static Statistics stats;

    @BeforeAll
    static void storeProtocolsAndOfficialResults() {
        schema = TestDatabase.migratedSchema();
        TestDatabase.Stores store = schema.stores();
        int seq = 0;
        // Turnouts: 101 60 %, 102 50 %, 201 60 %; 203 80 % (flagged).
        Map<String, Integer> p101 = consistent(1000, 700, 10, 100, 400, 50, 30, 10);
        Map<String, Integer> p102 = consistent(800, 500, 0, 50, 300, 30, 20, 0);
        Map<String, Integer> p201 = consistent(2000, 1400, 20, 200, 700, 100, 80, 100);
        read(store, seq++, "101", "г. Семей, ул. Бегалина 6", p101, List.of());
        read(store, seq++, "102", "г. Семей, ул. Абая 1", p102, List.of());
        read(store, seq++, "201", "г. Уральск, ул. Достык 41", p201, List.of());
        read(store, seq++, "202", "г. Уральск, ул. Есенжанова 2", consistent(1000, 600, 5, 50, 300, 50, 30, 15),
                List.of(new CheckResult("pages_complete", false, "side 2 of 2 did not arrive")));
        read(store, seq++, "203", "г. Уральск, ул. Жангир хана 5", consistent(1000, 900, 0, 100, 500, 100, 50, 50),
                List.of(new CheckResult("signed", false, "no signature on the secretary's line")));
        read(store, seq++, "204", "г. Уральск, ул. Курмангазы 9",
                figures(1000, 700, 600, 600, 0, 100, 411, 50, 30, 10, 9, 100), List.of());
        Samples.reject(store, seq++, "blurred.jpg", "blurred", RejectionCode.UNREADABLE);
        Samples.reject(store, seq++, "broken.pdf", "broken", RejectionCode.CORRUPT_FILE);
        Samples.reject(store, seq, "again.jpg", "again", RejectionCode.DUPLICATE);

        Map<String, Integer> o101 = new LinkedHashMap<>(p101);
        o101.merge("voters_participated", 10, Integer::sum);
        o101.merge("ballots_issued", 10, Integer::sum);
        o101.merge("party_2", 10, Integer::sum);
        Map<String, Integer> o201 = new LinkedHashMap<>(p201);
        o201.merge("party_1", -5, Integer::sum);
        o201.merge("party_2", 5, Integer::sum);
        new OfficialStore(schema.jdbc(), new DataSourceTransactionManager(schema.dataSource())).replaceAll(List.of(
                new OfficialLine("101", o101, 2), new OfficialLine("102", p102, 3), new OfficialLine("201", o201, 4),
                new OfficialLine("301", consistent(1000, 900, 10, 100, 700, 50, 20, 20), 5),
                new OfficialLine("302", consistent(1000, 500, 0, 100, 300, 0, 0, 0), 6)));
        stats = new StatisticsService(store.protocols(), store.pages(), TestExports.places(schema), Protocols.FORM,
                DatasetProperties.defaults(), Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC),
                new OfficialStore(schema.jdbc(), new DataSourceTransactionManager(schema.dataSource()))).compute();
    }

    /** A protocol read without a doubt, with {@code extra} checks as the reconciler adds them (failed: NEEDS_REVIEW). */
    private static void read(TestDatabase.Stores store, int seq, String precinct, String address,
                             Map<String, Integer> values, List<CheckResult> extra) {
        ProtocolResult p = Samples.perfect(precinct, address, values, Map.of(), false);
        if (!extra.isEmpty()) {
            List<CheckResult> checks = new ArrayList<>(p.checks());
            checks.addAll(extra);
            p = new ProtocolResult(p.form(), p.lang(), p.precinct(), p.address(), p.fields(), checks, p.flags(),
                    ProtocolStatus.NEEDS_REVIEW, FieldStatus.VERIFIED, p.precinctConfidence(), null);
        }
        Samples.read(store, seq, "p" + precinct + ".jpg", "photo " + precinct, p);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void theObserversCountReceivedRejectedAndWhy() {
        Statistics.Observers o = stats.observers();
        // 6 protocols and 2 unreadable files; the copy of a file is not received again.
        assertThat(o.received()).isEqualTo(8);
        assertThat(o.duplicates()).isEqualTo(1);
        // Unreadable 2, 202 incomplete, 203 not signed and over 70 %, 204's votes do not balance.
        assertThat(o.rejected()).isEqualTo(5);
        assertThat(o.accepted()).isEqualTo(3);
        assertThat(o.reasons()).containsExactly(
                Map.entry(ObserverReason.UNREADABLE, 2), Map.entry(ObserverReason.INCOMPLETE, 1),
                Map.entry(ObserverReason.NOT_SIGNED, 1), Map.entry(ObserverReason.FIGURES_DO_NOT_MATCH, 1),
                Map.entry(ObserverReason.TURNOUT_OVER_THRESHOLD, 1));
        assertThat(o.unreadable()).containsExactly(Map.entry("CORRUPT_FILE", 1), Map.entry("UNREADABLE", 1));
    }

    @Test
    void officialMinusProtocolsPerCityAndParty() {
        Statistics.Official official = stats.scope(StatisticsService.ALL).official();
        // Семей: 101 (+10 took part, +10 Nur Otan) and 102 (the same); Уральск: 201 (−5 party_1, +5 Nur Otan).
        assertThat(official.cityDifferences()).extracting(Statistics.Area::name, Statistics.Area::precincts,
                        Statistics.Area::participated, Statistics.Area::votes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Семей", 2, 10L, List.of(0L, 10L, 0L, 0L, 0L)),
                        org.assertj.core.groups.Tuple.tuple("Уральск", 1, 0L, List.of(-5L, 5L, 0L, 0L, 0L)));
        assertThat(official.totalDifference().votes()).containsExactly(-5L, 15L, 0L, 0L, 0L);
        assertThat(official.totalDifference().precincts()).isEqualTo(3);
        // The checked scope has the same three (VERIFIED) precincts with official lines.
        assertThat(stats.scope(StatisticsService.CLEAN).official().totalDifference().votes())
                .containsExactly(-5L, 15L, 0L, 0L, 0L);
    }

    @Test
    void observedAgainstNotObservedPrecincts() {
        Statistics.Official official = stats.scope(StatisticsService.ALL).official();
        // Observed: 101, 102, 201 (202–204 have no official line); not observed: 301, 302.
        assertThat(official.observedProtocols().precincts()).isEqualTo(3);
        assertThat(official.observedProtocols().participated()).isEqualTo(600 + 400 + 1200);
        assertThat(official.observedOfficial().participated()).isEqualTo(610 + 400 + 1200);
        assertThat(official.observedOfficial().votes().get(1)).isEqualTo(410 + 300 + 705);
        assertThat(official.notObserved().precincts()).isEqualTo(2);
        assertThat(official.notObserved().turnout()).isCloseTo(100.0 * (900 + 400) / 2000, within(1e-9));
        assertThat(official.notObserved().share(1)).isCloseTo(100.0 * 1000 / 1300, within(1e-9));
    }

    @Test
    void theReportsShowThem() throws IOException {
        StringWriter text = new StringWriter();
        new TextReport().write(stats, text);
        assertThat(text.toString())
                .containsPattern("Protocols received\\s+8\\n")
                .containsPattern("of which not signed\\s+1\\n")
                .containsPattern("of which turnout over 70 %\\s+1\\n")
                .containsPattern("· CORRUPT_FILE\\s+1\\n")
                .contains("Official results minus protocols, votes (precincts with both)")
                .containsPattern("Nur Otan\\s+\\+10\\s+\\+5\\s+\\+15\\n")
                .containsPattern("Nur Otan, %\\s+63\\.64\\s+64\\.03\\s+76\\.92\\n");
        StringWriter csv = new StringWriter();
        new CsvReport().write(stats, csv);
        assertThat(csv.toString().lines())
                .contains("observers,received,,,,,,,,,,,,,,,,,,,,8", "observers,unreadable:CORRUPT_FILE,,,,,,,,,,,,,,,,,,,,1")
                .contains("all,official_minus_protocols,Семей,,,Семей,2,0,10,,0,,10,,0,,0,,0,,,")
                .contains("all,not_observed_official,Not observed (official),,,,2,2000,1300,65.00,200,15.38,1000,76.92,"
                        + "50,3.85,20,1.54,20,1.54,,");
        String html = new HtmlReport().body(stats);
        assertThat(html).contains("id=\"observers\"").contains("Observed: official results")
                .contains("<td class=\"num\">+15</td>");
    }

    @Test
    void withoutOfficialResultsTheScopesHaveNone() {
        TestDatabase.Stores store = schema.stores();
        Statistics plain = new StatisticsService(store.protocols(), store.pages(), TestExports.places(schema),
                Protocols.FORM, DatasetProperties.defaults()).compute();
        assertThat(plain.scopes()).allSatisfy(s -> assertThat(s.official()).isNull());
    }
}
