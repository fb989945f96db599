package kz.hattama.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.config.HattamaProperties;
import kz.hattama.export.Json;
import kz.hattama.export.Samples;
import kz.hattama.export.TestExports;
import kz.hattama.official.OfficialLine;
import kz.hattama.official.OfficialStore;
import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The evidence bundle of a protocol whose figures differ from the election commission's official ones carries the
 * official line beside the crops: in {@code official.json}, in the summary's figures table and on the printed sheet.
 * A protocol whose checks hold is bundled for such a difference alone, and refused when its figures are the official
 * ones.
 */
class OfficialBundleTest {

    private static TestDatabase.Schema schema;
    private static EvidenceBundler bundler;
    private static EvidenceBundler withoutOfficial;
    private static String scannedId;
    private static String cleanId;
    private static String agreeingId;
    private static Map<String, Integer> truth;

    @BeforeAll
    static void store() throws IOException {
        schema = TestDatabase.migratedSchema();
        TestDatabase.Stores store = schema.stores();
        truth = EvidenceBundlerTest.truth("p2021-001.jpg");
        byte[] scan = Files.readAllBytes(EvidenceBundlerTest.SCAN);
        Samples.read(store, 0, "IMG_0412.jpg", scan, EvidenceBundlerTest.readWithBoxes("914", "г. Уральск", truth));
        Samples.read(store, 1, "clean.jpg", "a clean protocol", Protocols.verified());
        ProtocolResult v = Protocols.verified();
        Samples.read(store, 2, "agreeing.jpg", "an agreeing protocol", new ProtocolResult(v.form(), v.lang(), "238",
                v.address(), v.fields(), v.checks(), v.flags(), v.status(), v.precinctStatus(), v.precinctConfidence(),
                null));
        scannedId = Hashes.sha256(scan).substring(0, 16) + "-1";
        cleanId = Hashes.sha256("a clean protocol".getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-1";
        agreeingId = Hashes.sha256("an agreeing protocol".getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-1";

        Map<String, Integer> official914 = new LinkedHashMap<>(truth);
        official914.merge("party_2", 40, Integer::sum);
        official914.merge("voters_participated", 40, Integer::sum);
        Map<String, Integer> clean = values(Protocols.verified());
        Map<String, Integer> official237 = new LinkedHashMap<>(clean);
        official237.put("party_1", 90);
        OfficialStore official = new OfficialStore(schema.jdbc(), new DataSourceTransactionManager(schema.dataSource()));
        official.replaceAll(List.of(new OfficialLine("914", official914, 7), new OfficialLine("237", official237, 2),
                new OfficialLine("238", clean, 3)));
        bundler = new EvidenceBundler(store.protocols(), store.scans(), TestExports.source(schema), Protocols.FORM,
                HattamaProperties.defaults(), official);
        withoutOfficial = new EvidenceBundler(store.protocols(), store.scans(), TestExports.source(schema),
                Protocols.FORM, HattamaProperties.defaults());
    }

    private static Map<String, Integer> values(ProtocolResult p) {
        Map<String, Integer> values = new LinkedHashMap<>();
        p.fields().values().forEach(f -> values.put(f.key(), f.value()));
        return values;
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void theOfficialFiguresStandBesideTheCrops(@TempDir Path tmp) throws IOException {
        EvidenceBundler.Bundle b = bundler.write(scannedId, tmp.resolve("e.zip"));
        Map<String, byte[]> zip = EvidenceBundlerTest.unzip(tmp.resolve("e.zip"));

        assertThat(b.crops()).isTrue();
        assertThat(zip).containsKey("official.json");
        JsonNode official = Json.MAPPER.readTree(zip.get("official.json"));
        assertThat(official.get("precinct").asText()).isEqualTo("914");
        assertThat(official.get("source_line").asInt()).isEqualTo(7);
        assertThat(official.get("differences")).hasSize(2);
        assertThat(official.get("differences").get(1).get("field").asText()).isEqualTo("party_2");
        assertThat(official.get("differences").get(1).get("difference").asInt()).isEqualTo(40);
        assertThat(new String(zip.get("SHA256SUMS"), StandardCharsets.UTF_8)).contains("  official.json");

        String html = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        int party2 = truth.get("party_2");
        assertThat(html).contains("<th>Official</th>", "line 7 of the imported file",
                "differs from this protocol in 2 figures",
                "voters_participated " + truth.get("voters_participated") + " ≠ " + (truth.get("voters_participated") + 40),
                "<td class=\"num\"><b>" + party2 + "</b></td><td class=\"num fail\">" + (party2 + 40) + "</td>",
                "<td class=\"num\"><b>" + truth.get("party_1") + "</b></td><td class=\"num\">" + truth.get("party_1")
                        + "</td>");
        PrintedPdf pdf = PrintedPdf.of(zip.get("summary.pdf"));
        assertThat(pdf.text()).contains("Official result", "differs from this protocol in 2 figures");
        assertThat(pdf.offPage()).isEmpty();
    }

    @Test
    void aProtocolWhoseChecksHoldIsBundledForADifferenceAlone(@TempDir Path tmp) throws IOException {
        assertThat(Protocols.verified().failedChecks()).isEmpty();
        bundler.write(cleanId, tmp.resolve("c.zip"));
        String html = new String(EvidenceBundlerTest.unzip(tmp.resolve("c.zip")).get("summary.html"),
                StandardCharsets.UTF_8);
        assertThat(html).contains("differs from this protocol in 1 figure (protocol ≠ official)", "party_1 100 ≠ 90");

        assertThatThrownBy(() -> withoutOfficial.write(cleanId, tmp.resolve("none.zip")))
                .isInstanceOf(EvidenceBundler.NothingToProve.class);
        assertThatThrownBy(() -> bundler.write(agreeingId, tmp.resolve("same.zip")))
                .isInstanceOf(EvidenceBundler.NothingToProve.class);
        assertThat(tmp.resolve("same.zip")).doesNotExist();
    }
}
