package kz.hattama.web;

import kz.hattama.export.CsvFormulaInjectionTest;
import kz.hattama.export.Samples;
import kz.hattama.users.Role;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dataset an admin downloads as CSV: a file name and a precinct number that are formulas arrive as text. */
class AdminExportCsvTest extends WebTestBase {

    @Test
    void theDownloadedCsvWritesFormulasAsText() throws IOException {
        storedProtocol(null, "=SUM(A1)+web.jpg", Samples.perfect(CsvFormulaInjectionTest.HYPERLINK, "г. @Город, ул. 1",
                Samples.consistent(1000, 900, 10, 100, 500, 50, 40, 20), Map.of(), false), null);
        Session admin = new Session().login(user("ada", Role.ADMIN));

        HttpResponse<String> csv = admin.get("/api/admin/export?format=csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        List<CSVRecord> rows = CsvFormulaInjectionTest.parse(csv.body());
        assertThat(CsvFormulaInjectionTest.formulas(rows)).isEmpty();
        CSVRecord mine = rows.stream().filter(r -> r.get("source_files").equals("'=SUM(A1)+web.jpg")).findFirst().orElseThrow();
        assertThat(mine.get("precinct")).isEqualTo("'" + CsvFormulaInjectionTest.HYPERLINK);
        assertThat(mine.get("city")).isEqualTo("'@Город");
        assertThat(mine.get("voters_total")).isEqualTo("1000");
    }
}
