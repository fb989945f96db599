package kz.hattama.cli;

import kz.hattama.HattamaApplication;
import kz.hattama.bundle.EvidenceBundlerTest;
import kz.hattama.export.Samples;
import kz.hattama.protocol.Hashes;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dataset commands through the real CLI (Spring context, Flyway, embedded or given PostgreSQL): import a
 * precinct list, export a clean dataset folder and a filtered zip, write the HTML statistics, bundle the evidence of
 * a violation. The files stay under target/cli-e2e for a person to open.
 */
class DatasetCommandsTest {

    static final Path OUT = Path.of("target/cli-e2e");

    TestDatabase.Schema schema;
    final kz.hattama.SystemProperties properties = new kz.hattama.SystemProperties();
    String violationId;

    @BeforeEach
    void database() throws IOException {
        schema = TestDatabase.migratedSchema();
        properties.set("hattama.db.url", schema.url());
        properties.set("hattama.db.user", schema.user());
        properties.set("hattama.db.password", schema.password() == null ? "" : schema.password());
        Stores store = schema.stores();
        byte[] scan = Files.readAllBytes(EvidenceBundlerTest.SCAN);
        Samples.read(store, 0, "p2021-001.jpg", scan, EvidenceBundlerTest.readWithBoxes("914",
                "г. Уральск, ул. Достык 41, СОШ № 9", EvidenceBundlerTest.truth("p2021-001.jpg")));
        Samples.read(store, 1, "IMG_0412.jpg", "photo of precinct 237", Protocols.verified());
        Samples.read(store, 2, "upload.zip!/folder/a.jpg", "scan of precinct 39", Protocols.needsReview());
        violationId = Hashes.sha256(scan).substring(0, 16) + "-1";
        org.springframework.util.FileSystemUtils.deleteRecursively(OUT);
        Files.createDirectories(OUT);
    }


    @AfterEach
    void restore() {
        properties.restore();
        schema.close();
    }

    /** Runs the CLI; returns its exit code and what it printed. */
    private static Map.Entry<Integer, String> run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int rc = HattamaApplication.run(args);
            return Map.entry(rc, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void importExportStatsAndBundleFromTheCommandLine() throws IOException {
        // A list as a spreadsheet in Russian saves it: semicolons, Russian headings, zero-padded numbers.
        Path list = Files.writeString(OUT.resolve("precincts.csv"), """
                № участка;Область;Район;Город;Адрес
                0237;Абайская область;город Семей;Семей;ул. Бегалина 6
                914;Западно-Казахстанская область;город Уральск;Уральск;ул. Достык 41
                """);
        Map.Entry<Integer, String> imported = run("precincts", "import", list.toString());
        assertThat(imported.getKey()).isZero();
        assertThat(imported.getValue()).contains("Imported 2 precincts")
                .contains("precinct_not_in_list: precinct 39 is not in the imported precinct list");

        Map.Entry<Integer, String> clean = run("export", "--out", OUT.resolve("clean").toString(), "--status", "VERIFIED,REVIEWED");
        assertThat(clean.getKey()).isZero();
        assertThat(clean.getValue()).contains("Wrote a dataset of 1 protocols (1 VERIFIED)");
        assertThat(Files.readAllLines(OUT.resolve("clean/protocols.jsonl"))).singleElement().asString()
                .contains("\"location\":{\"region\":\"Абайская область\",\"district\":\"город Семей\",\"city\":\"Семей\",\"from\":\"precinct_list\"}");
        assertThat(Files.readAllLines(OUT.resolve("clean/SHA256SUMS"))).hasSize(3);

        assertThat(run("export", "--out", OUT.resolve("uralsk.zip").toString(), "--region", "Западно-Казахстанская область").getKey()).isZero();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(OUT.resolve("uralsk.zip")))) {
            zip.getNextEntry();
            assertThat(new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines()).singleElement().asString()
                    .contains("\"precinct\":\"914\"");
        }
        assertThat(run("export", "--out", OUT.resolve("bad").toString(), "--precincts", "x-y").getKey()).isEqualTo(2);

        Map.Entry<Integer, String> stats = run("stats", "--format", "html", "--out", OUT.resolve("stats.html").toString());
        assertThat(stats.getKey()).isZero();
        assertThat(Files.readString(OUT.resolve("stats.html"))).contains("Chart.js v4").contains("Уральск")
                .contains("<td class=\"label\">Registered voters</td>");
        assertThat(run("stats", "--format", "html", "--lang", "kk", "--out", OUT.resolve("stats-kk.html").toString())
                .getKey()).isZero();
        assertThat(Files.readString(OUT.resolve("stats-kk.html"))).contains("<html lang=\"kk\">")
                .contains("<h1>Хаттамалар бойынша нәтижелер</h1>").contains("<td class=\"label\">Сайлаушылар саны</td>")
                .contains("Уральск").doesNotContain("Registered voters");
        assertThat(run("stats", "--lang", "kk").getValue()).contains("== Барлық хаттамалар қазіргі күйінде ==");
        assertThat(run("stats", "--lang", "de").getKey()).isEqualTo(2);
        assertThat(run("stats", "--format", "csv", "--out", OUT.resolve("stats.csv").toString()).getKey()).isZero();
        assertThat(Files.readAllLines(OUT.resolve("stats.csv")).get(0)).startsWith("scope,level,name,region");

        Map.Entry<Integer, String> bundle = run("bundle", violationId, "--out", OUT.resolve("evidence.zip").toString());
        assertThat(bundle.getKey()).isZero();
        assertThat(bundle.getValue()).contains("Wrote 20 files");
        assertThat(run("bundle", "3ad8daefc7066b12-1", "--out", OUT.resolve("none.zip").toString()).getKey()).isEqualTo(2);
        assertThat(OUT.resolve("none.zip")).doesNotExist();
        assertThat(List.of("clean", "uralsk.zip", "stats.html", "stats.csv", "evidence.zip"))
                .allSatisfy(f -> assertThat(OUT.resolve(f)).exists());
    }
    @Test
    void officialImportAndCompareFromTheCommandLine() throws IOException {
        String header = "№ участка;Число избирателей;Получено бюллетеней;Выдано бюллетеней;Приняли участие;"
                + "Вне помещения;Народная партия Казахстана;Nur Otan;Ауыл;Ак жол;Adal;Недействительные бюллетени;"
                + "Неиспользованные бюллетени\n";
        // Precinct 237 as the protocol says, but 50 more votes for Nur Otan; 555 sent no protocol.
        String lines = "237;2170;1900;1550;1540;40;100;950;200;150;120;20;350\n"
                + "555;1000;900;800;790;30;58;500;100;50;60;22;100\n";
        Path bad = Files.writeString(OUT.resolve("official-bad.csv"), header + lines + "914;1;2;3;4;5;6;seven;8;9;10;11;12\n");
        assertThat(run("official", "import", bad.toString()).getKey()).isEqualTo(1);
        assertThat(schema.jdbc().queryForObject("select count(*) from official_result", Integer.class)).isZero();

        Path good = Files.writeString(OUT.resolve("official.csv"), header + lines);
        Map.Entry<Integer, String> imported = run("official", "import", good.toString());
        assertThat(imported.getKey()).isZero();
        assertThat(imported.getValue()).contains("Imported the official results of 2 precincts");

        Path compared = OUT.resolve("compare.csv");
        assertThat(run("official", "compare", "--format", "csv", "--out", compared.toString()).getKey()).isZero();
        String uid237 = Hashes.sha256("photo of precinct 237".getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-1";
        String uid39 = Hashes.sha256("scan of precinct 39".getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-1";
        assertThat(Files.readAllLines(compared)).containsExactly(
                "precinct,field,protocol,official,difference,field_status,protocol_id",
                "39,no_official_result,,,,," + uid39,
                "237,ballots_issued,1500,1550,50,VERIFIED," + uid237,
                "237,voters_participated,1490,1540,50,VERIFIED," + uid237,
                "237,party_2,900,950,50,VERIFIED," + uid237,
                "237,ballots_unused,400,350,-50,VERIFIED," + uid237,
                "555,no_protocol,,,,,",
                "914,no_official_result,,,,," + violationId);
        assertThat(run("official", "compare").getValue())
                .contains("precinct 237, protocol " + uid237 + ": party_2 (Nur Otan) protocol 900, official 950,"
                        + " official − protocol +50 (figure VERIFIED)");

        // Its checks hold, but its figures are not the official ones: evidence is made.
        assertThat(run("bundle", uid237, "--out", OUT.resolve("official-evidence.zip").toString()).getKey()).isZero();
        Map.Entry<Integer, String> stats = run("stats");
        assertThat(stats.getValue()).contains("Official results minus protocols, votes (precincts with both)")
                .containsPattern("Protocols received\\s+3\\n");
    }
}
