package kz.hattama.precinct;

import kz.hattama.config.DatasetProperties;
import kz.hattama.export.TestExports;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrecinctListTest {

    private static final CityNames CITIES = CityNames.builtIn();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "г. Семей, ул. Бегалина 6, школа № 12       | Семей",
            "г.Семей, ул. Бегалина 6                    | Семей",
            "город Усть-Каменогорск, пр. Ауэзова 1      | Усть-Каменогорск",
            "Семей қаласы, Бегалин көшесі 6              | Семей",
            "Семей қ., Абай к-сі 1                       | Семей",
            "Орал қаласы, Достық даңғылы 41              | Уральск",
            "Нұр-Сұлтан қаласы, Сарыарқа көшесі 12       | Астана",
            "Оскемен қаласы, Қазақстан көшесі 5          | Усть-Каменогорск",
            "Абайская обл., г. Курчатов, ул. Курчатова 2 | Курчатов",
            "Алматы облысы, Талдықорған қаласы, Абай 1   | Талдыкорган",
            "г. Новый Город, ул. Первая 1               | Новый Город",
            "Городская больница № 2, г. Семей            | Семей",
            "Абай ауданы, Қарауыл ауылы                  | ",
    })
    void theCityComesFromThePrintedAddressUnderOneName(String address, String city) {
        assertThat(CITIES.fromAddress(address)).isEqualTo(city);
    }

    @Test
    void extraCityNamesComeFromTheSettingsFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path extra = java.nio.file.Files.writeString(tmp.resolve("cities.csv"), "Жем,Эмба\n");
        assertThat(CityNames.load(extra).fromAddress("г. Эмба, ул. Ленина 1")).isEqualTo("Жем");
        assertThat(CityNames.load(extra).canonical("Орал")).isEqualTo("Уральск");
    }

    @Test
    void aListWithoutHeaderIsReadInTheDocumentedOrder() throws IOException {
        PrecinctListReader.Result r = PrecinctListReader.read(new StringReader(
                "237,Абайская область,город Семей,Семей,\"ул. Бегалина 6, школа № 12\"\n0012,Алматы,Медеуский район,Алматы,\n"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.precincts()).containsExactly(
                new Precinct("237", "Абайская область", "город Семей", "Семей", "ул. Бегалина 6, школа № 12"),
                new Precinct("12", "Алматы", "Медеуский район", "Алматы", null));
    }

    @Test
    void headingsInAnyLanguageAndOrderAndSemicolons() throws IOException {
        PrecinctListReader.Result r = PrecinctListReader.read(new StringReader("""
                \uFEFFМекенжайы;Облыс;Аудан;Қала;Учаске нөмірі
                Абай к-сі 1;Абай облысы;Семей қ.ә.;Семей;№ 39
                """));

        assertThat(r.errors()).isEmpty();
        assertThat(r.precincts()).containsExactly(new Precinct("39", "Абай облысы", "Семей қ.ә.", "Семей", "Абай к-сі 1"));
    }

    @Test
    void aWrongListIsRefusedWholeWithEveryProblem() throws IOException {
        PrecinctListReader.Result r = PrecinctListReader.read(new StringReader("""
                precinct,region,district,city,address
                237,Абайская область,,Семей,
                ,Абайская область,,Семей,
                0237,Абайская область,,Семей,
                """));

        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).containsExactly("line 3: no precinct number", "line 4: precinct 237 is already on line 2");
        assertThat(PrecinctListReader.read(new StringReader("region,city\nАлматы,Алматы\n")).errors())
                .singleElement().asString().startsWith("line 1: no precinct number column");
    }

    @Test
    void anImportReplacesTheWholeList() {
        try (TestDatabase.Schema schema = TestDatabase.migratedSchema()) {
            PrecinctStore store = TestExports.precincts(schema);
            store.replaceAll(List.of(new Precinct("1", "A", null, "X", null), new Precinct("2", "A", null, "X", null)));
            store.replaceAll(List.of(new Precinct("10", "B", "d", "Y", "addr"), new Precinct("2", "B", null, "Z", null)));

            assertThat(store.all().keySet()).containsExactly("2", "10");
            Places places = new Places(store.all(), CITIES);
            assertThat(places.place("0010", "г. Семей")).isEqualTo(new Place("B", "d", "Y", Place.Source.PRECINCT_LIST));
            assertThat(places.place("3", "г. Семей, ул. Абая 1")).isEqualTo(new Place(null, null, "Семей", Place.Source.ADDRESS));
            assertThat(places.listed("1")).isFalse();
        }
    }

    @Test
    void everySettingBindsFromItsEnvironmentVariable() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", Map.of(
                "HATTAMA_CITY_NAMES", "/etc/hattama/cities.csv",
                "HATTAMA_STATS_HISTOGRAM_BIN", "2.5",
                "HATTAMA_STATS_ROUND_SHARE_STEP", "10",
                "HATTAMA_STATS_FLAG_MIN_PARTICIPANTS", "300")));

        DatasetProperties p = new Binder(ConfigurationPropertySources.get(env)).bind("hattama", DatasetProperties.class).get();

        assertThat(p).isEqualTo(new DatasetProperties(Path.of("/etc/hattama/cities.csv"), 2.5, 10, 300));
        assertThat(DatasetProperties.defaults()).isEqualTo(new DatasetProperties(null, 5, 5, 100));
    }
}
