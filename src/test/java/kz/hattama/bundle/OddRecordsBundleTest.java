package kz.hattama.bundle;

import kz.hattama.store.TestDatabase.Stores;
import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.config.HattamaProperties;
import kz.hattama.export.Json;
import kz.hattama.export.OddRecords;
import kz.hattama.export.TestExports;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence bundles of {@link OddRecords}: a protocol whose header was not read, whose failed check and flag were
 * stored without their text, and one without a single figure in a language the form does not know, are bundled with
 * what is known; a rejected file has no check to prove and is refused as such.
 */
class OddRecordsBundleTest {

    private static TestDatabase.Schema schema;
    private static EvidenceBundler bundler;

    @BeforeAll
    static void store() {
        schema = TestDatabase.migratedSchema();
        Stores stores = schema.stores();
        OddRecords.store(stores, 0);
        bundler = new EvidenceBundler(stores.protocols(), stores.scans(), TestExports.source(schema), Protocols.FORM,
                HattamaProperties.defaults());
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Test
    void aProtocolWhoseHeaderWasNotReadIsBundledWithWhatIsKnown(@TempDir Path tmp) throws IOException {
        EvidenceBundler.Bundle b = bundler.write(OddRecords.id(OddRecords.HEADER_NOT_READ), tmp.resolve("e.zip"));
        Map<String, byte[]> zip = EvidenceBundlerTest.unzip(tmp.resolve("e.zip"));

        assertThat(b.crops()).isFalse();
        assertThat(zip.keySet()).containsExactly("scan/" + OddRecords.HEADER_NOT_READ, "boxes.json", "protocol.json",
                "review-history.json", "summary.html", "summary.pdf", "SHA256SUMS");
        JsonNode record = Json.MAPPER.readTree(zip.get("protocol.json"));
        assertThat(record.get("precinct").isNull()).isTrue();
        String html = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("Evidence: protocol of precinct № (not read)", "<li class=\"fail\">votes_balance: ",
                "<li>turnout_over_70</li>", "Printed address</th><td>—</td>", "(from unknown)",
                // Labels in Russian, since the language was not read.
                "Общее число избирателей на участке")
                .doesNotContain("null");
        String pdf = PrintedPdf.of(zip.get("summary.pdf")).text();
        assertThat(pdf).contains("Evidence: protocol of precinct № (not read)", "votes_balance:", "Language —",
                "Printed address —").doesNotContain("null");
    }

    @Test
    void aProtocolWithoutFiguresInALanguageTheFormLacksIsBundled(@TempDir Path tmp) throws IOException {
        bundler.write(OddRecords.id(OddRecords.NO_FIGURES), tmp.resolve("e.zip"));
        Map<String, byte[]> zip = EvidenceBundlerTest.unzip(tmp.resolve("e.zip"));

        String html = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(html.split("<i>not read</i>", -1)).hasSize(1 + 2 * Protocols.FORM.keys().size());
        assertThat(html).contains("Language</th><td>en</td>", "Evidence: protocol of precinct № 78");
        assertThat(PrintedPdf.of(zip.get("summary.pdf")).text()).contains("voters_total — not read not read — — NEEDS_REVIEW not read");
    }

    @Test
    void aRejectedFileHasNoCheckToProve(@TempDir Path tmp) {
        String corrupt = schema.jdbc().queryForObject("select p.uid from protocol p join source_file s"
                + " on s.id = p.source_id where s.name = ?", String.class, OddRecords.CORRUPT);
        assertThatThrownBy(() -> bundler.write(corrupt, tmp.resolve("r.zip")))
                .isInstanceOf(EvidenceBundler.NothingToProve.class);
        assertThat(tmp.resolve("r.zip")).doesNotExist();
    }
}
