package kz.hattama.export;

import kz.hattama.config.DatasetProperties;
import kz.hattama.precinct.Precinct;
import kz.hattama.stats.CsvReport;
import kz.hattama.stats.StatisticsService;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static kz.hattama.export.Samples.consistent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names that come from strangers, written into a CSV a spreadsheet opens: a printed address and a precinct number
 * that are a HYPERLINK formula, file names that are formulas, and a precinct list whose region, district and city
 * start with {@code +}, {@code -}, a tab and {@code @}. Each is written as text; figures stay numbers.
 */
public class CsvFormulaInjectionTest {

    /** What OCR could make of a header, or what a hostile upload could print there. */
    public static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

    private static TestDatabase.Schema schema;
    private static ExportSource source;
    private static StatisticsService statistics;

    @BeforeAll
    static void store() {
        schema = TestDatabase.migratedSchema();
        storeFormulas(schema.stores(), 0);
        TestExports.precincts(schema).replaceAll(List.of(
                new Precinct("5050", "+Region", "\tтаб район", "@Город", null)));
        source = TestExports.source(schema);
        Stores stores = schema.stores();
        statistics = new StatisticsService(stores.protocols(), stores.pages(), TestExports.places(schema), Protocols.FORM,
                DatasetProperties.defaults());
    }

    /** Stores three protocols whose names are formulas, as files {@code firstSeq} … of job 1. */
    public static void storeFormulas(Stores store, int firstSeq) {
        Samples.read(store, firstSeq, "=SUM(A1).jpg", "formula: hyperlink", Samples.perfect(HYPERLINK, HYPERLINK,
                consistent(1000, 900, 10, 100, 500, 50, 40, 20), Map.of(), false));
        Samples.read(store, firstSeq + 1, "@cmd.jpg", "formula: listed", Samples.perfect("5050", "ул. Абая 1",
                consistent(800, 700, 5, 80, 400, 45, 30, 15), Map.of(), false));
        Samples.read(store, firstSeq + 2, "-2+3.jpg", "formula: city in the address", Samples.perfect("6060",
                "г. +Плюс, ул. Ленина 2", consistent(700, 600, 4, 70, 350, 40, 20, 16), Map.of(), false));
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    public static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv))) {
            return p.getRecords();
        }
    }

    /** Every cell a spreadsheet would run: starts like a formula and is not a plain number. */
    public static List<String> formulas(List<CSVRecord> rows) {
        List<String> found = new ArrayList<>();
        for (CSVRecord r : rows) {
            for (String cell : r) {
                if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("[+-]?\\d+(\\.\\d+)?")) {
                    found.add(cell);
                }
            }
        }
        return found;
    }

    @Test
    void theExportCsvWritesFormulasAsText() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvExporter(source).write(ExportFilter.all(), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        List<CSVRecord> rows = parse(csv);

        assertThat(formulas(rows)).isEmpty();
        assertThat(rows).extracting(r -> r.get("source_files")).containsExactly("'=SUM(A1).jpg", "'@cmd.jpg", "'-2+3.jpg");
        assertThat(rows.get(0).get("precinct")).isEqualTo("'" + HYPERLINK);
        CSVRecord listed = rows.get(1);
        assertThat(List.of(listed.get("region"), listed.get("district"), listed.get("city")))
                .containsExactly("'+Region", "'\tтаб район", "'@Город");
        assertThat(rows.get(2).get("city")).isEqualTo("'+Плюс");
        // Figures are bare numbers, not quoted text.
        assertThat(csv).contains(",1000,VERIFIED,").doesNotContain("'1000");
    }

    @Test
    void theStatisticsCsvWritesFormulasAsText() throws IOException {
        StringWriter out = new StringWriter();
        new CsvReport().write(statistics.compute(), out);
        List<CSVRecord> rows = parse(out.toString());

        assertThat(formulas(rows)).isEmpty();
        List<CSVRecord> precincts = rows.stream()
                .filter(r -> r.get("scope").equals(StatisticsService.ALL) && r.get("level").equals("precinct")).toList();
        assertThat(precincts).extracting(r -> r.get("name"))
                .containsExactly("5050", "6060", "'=HYPERLINK(\"HTTP://X\",\"Y\")");
        assertThat(rows).filteredOn(r -> r.get("level").equals("city")).extracting(r -> r.get("name"))
                .contains("'@Город", "'+Плюс");
        assertThat(rows).filteredOn(r -> r.get("level").equals("district")).extracting(r -> r.get("name"))
                .contains("'\tтаб район");
        assertThat(out.toString()).contains(",1000,").doesNotContain("'1000");
    }

    @Test
    void aCellIsTextOnlyWhereItWouldBeAFormula() {
        // Each pair: what a writer hands over, what the cell holds.
        Object[][] cells = {{"-12", "-12"}, {"+3.50", "+3.50"}, {-7, -7}, {"", ""}, {"Семей", "Семей"},
                {"a=b", "a=b"}, {"-", "'-"}, {"-1+2", "'-1+2"}, {"\r=1", "'\r=1"}, {"@SUM(1)", "'@SUM(1)"}};
        for (Object[] c : cells) {
            assertThat(SafeCsv.cell(c[0])).as(String.valueOf(c[0])).isEqualTo(c[1]);
        }
        assertThat(SafeCsv.cell(null)).isNull();
    }
}
