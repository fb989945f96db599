package kz.hattama.official;

import kz.hattama.store.Protocols;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

/** The official results' CSV: headings from the form in three languages, either separator, every bad line named. */
class OfficialCsvReaderTest {

    private static OfficialCsvReader.Result read(String csv) throws IOException {
        return OfficialCsvReader.read(new StringReader(csv), Protocols.FORM);
    }

    @Test
    void russianHeadingsWithSemicolonsInAnyOrder() throws IOException {
        OfficialCsvReader.Result r = read("""
                Область;№ участка;Число избирателей;Получено бюллетеней;Выдано бюллетеней;Приняли участие;Вне помещения;\
                Народная партия Казахстана;Партия "Nur Otan";Ауыл;Ак жол;Adal;Недействительные бюллетени;Неиспользованные бюллетени
                Абайская;№ 0237;2 170;1900;1500;1490;40;100;900;200;150;120;20;400
                """);
        assertThat(r.errors()).isEmpty();
        assertThat(r.ignored()).containsExactly("Область");
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.precinct()).isEqualTo("237");
            assertThat(l.line()).isEqualTo(2);
            assertThat(l.figures()).containsEntry("voters_total", 2170).containsEntry("party_2", 900)
                    .containsEntry("ballots_unused", 400).hasSize(12);
            assertThat(l.figures().keySet()).containsExactlyElementsOf(Protocols.FORM.keys());
        });
    }

    @Test
    void kazakhPrintedLabelsHeadTheColumnsToo() throws IOException {
        StringBuilder header = new StringBuilder("Учаске");
        Protocols.FORM.fields().forEach(f -> header.append(',').append(f.label().get("kk")));
        OfficialCsvReader.Result r = read(header + "\n12,1,2,3,4,5,6,7,8,9,10,11,12\n");
        assertThat(r.errors()).isEmpty();
        assertThat(r.lines().get(0).figures().values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void everyBadLineIsNamedAndNoneIsKept() throws IOException {
        OfficialCsvReader.Result r = read("precinct," + String.join(",", Protocols.FORM.keys()) + "\n"
                + "1,1,2,3,4,5,6,7,8,9,10,11,12\n"
                + "2,1,2,3,4,5,6,seven,8,9,10,11,12\n"
                + ",1,2,3,4,5,6,7,8,9,10,11,12\n"
                + "1,1,2,3,4,5,6,7,8,9,10,11,12\n"
                + "3,1,2,3,4,5,6,7,8,9,10,11\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).containsExactly(
                "line 3, precinct 2: party_2 \"seven\" is not a whole number from 0 to 999999",
                "line 4: no precinct number",
                "line 5: precinct 1 is already on line 2",
                "line 6, precinct 3: ballots_unused is empty");
    }

    @Test
    void aHeaderWithoutAFigureSaysWhichIsMissing() throws IOException {
        OfficialCsvReader.Result r = read("precinct,voters_total,party_1\n1,2,3\n");
        assertThat(r.lines()).isEmpty();
        assertThat(r.errors()).singleElement().asString().startsWith("line 1: no column for ballots_received,"
                + " ballots_issued, voters_participated, voted_outside, party_2");
    }
}
