package kz.hattama.stats;

import kz.hattama.export.OddRecords;
import kz.hattama.store.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics of {@link KnownSet} with {@link OddRecords} added: a protocol whose number was not read counts as a
 * precinct of its own, placed by its address; one that lacks a figure the sums need is left out and counted as such;
 * rejected files are not read protocols. Every rendering, and the web app's page, shows them.
 */
class OddRecordsStatsTest {

    private static TestDatabase.Schema schema;
    private static Statistics stats;

    @BeforeAll
    static void compute() {
        schema = TestDatabase.migratedSchema();
        StatisticsService service = KnownSet.store(schema);
        OddRecords.store(schema.stores(), 100);
        stats = service.compute();
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    private static Statistics.Area area(List<Statistics.Area> areas, String name) {
        return areas.stream().filter(a -> Objects.equals(a.name(), name)).findFirst().orElseThrow();
    }

    @Test
    void protocolsWithoutANumberCountAndThoseWithoutTheFiguresAreLeftOut() {
        Statistics.Scope all = stats.scope(StatisticsService.ALL);
        // KnownSet's 10 read protocols, and 5 odd ones: 3 with every figure, 2 without (voters, or all of them).
        assertThat(all.protocols()).isEqualTo(15);
        assertThat(all.precincts()).isEqualTo(8 + 3);
        assertThat(all.incomplete()).isEqualTo(1 + 2);
        assertThat(all.precinctRows()).filteredOn(a -> a.name() == null).extracting(Statistics.Area::city)
                .containsExactly("Семей", null, "Уральск");
        // Семей: KnownSet's 1050 who took part, and the 420 of the protocol whose number was not read.
        assertThat(area(all.cities(), "Семей").participated()).isEqualTo(1050 + 420);
        assertThat(area(all.cities(), "Уральск").precincts()).isEqualTo(5);
        assertThat(all.scatter()).hasSize(11);
        // Nur Otan's 60 % of the protocol with «№» and no number: flagged where it is, without a number.
        assertThat(all.flagged()).anySatisfy(f -> {
            assertThat(f.precinct()).isNull();
            assertThat(f.city()).isEqualTo("Уральск");
            assertThat(f.flag()).isEqualTo(ScopeBuilder.ROUND_SHARE);
        });
    }

    @Test
    void theTextReportShowsADashForWhatIsNotKnown() throws IOException {
        StringWriter text = new StringWriter();
        new TextReport().write(stats, text);

        assertThat(text.toString()).contains("By precinct").containsPattern("\\n\\s+—\\s+—\\s+—\\s+Семей\\s+1\\s+600")
                .contains("; 3 left out because a figure was not read").doesNotContain("null");
    }

    @Test
    void theCsvReportHasARowPerPrecinctCountedWithEmptyCellsForWhatIsNotKnown() throws IOException {
        StringWriter out = new StringWriter();
        new CsvReport().write(stats, out);

        List<CSVRecord> rows;
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString()))) {
            rows = csv.getRecords();
        }
        List<CSVRecord> precincts = rows.stream()
                .filter(r -> r.get("scope").equals("all") && r.get("level").equals("precinct")).toList();
        assertThat(precincts).hasSize(11);
        assertThat(precincts).filteredOn(r -> r.get("name").isEmpty()).extracting(r -> r.get("city"))
                .containsExactly("Семей", "", "Уральск");
        assertThat(out.toString()).doesNotContain("null");
    }

    @Test
    void theHtmlReportAndTheWebPageShowThem() throws IOException {
        StringWriter file = new StringWriter();
        new HtmlReport().write(stats, file);
        String page = new HtmlReport(ReportTexts.ENGLISH).linkingTo(id -> "/review/" + id).body(stats);

        for (String html : List.of(file.toString(), page)) {
            assertThat(html).contains("<td class=\"label\">—</td><td class=\"label\">—</td><td class=\"label\">—</td>"
                    + "<td class=\"label\">Семей</td><td class=\"num\">1</td><td class=\"num\">600</td>");
            // The scatter's tooltip names a precinct without a number as the tables do.
            assertThat(html).contains("\"precinct\":\"—\"").doesNotContain("\"precinct\":null");
        }
        // The protocol whose figures do not add up is linked for a reviewer, though it has no number.
        long id = schema.jdbc().queryForObject("select p.id from protocol p join source_file s on s.id = p.source_id"
                + " where s.name = ?", Long.class, OddRecords.HEADER_NOT_READ);
        assertThat(page).contains("<a href=\"/review/" + id + "\">—</a>");
    }
}
