package kz.hattama.bundle;

import kz.hattama.protocol.ReviewReason;
import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.config.HattamaProperties;
import kz.hattama.export.Json;
import kz.hattama.export.Samples;
import kz.hattama.export.TestExports;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.protocol.Box;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.review.Review;
import kz.hattama.store.Protocols;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import kz.hattama.tools.DevImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An evidence bundle for a planted violation of the dev set (sample-scans/p2021-001.jpg, a handwritten phone photo
 * whose party votes do not add up to the participants), stored as if read perfectly, with the field boxes the layout
 * stage finds on its normalized page: the zip must hold everything an observer needs to prove the claim.
 */
public class EvidenceBundlerTest {

    public static final Path SCAN = Path.of("sample-scans/p2021-001.jpg");
    static final Instant AT = Instant.parse("2026-02-27T15:04:05Z");

    private static TestDatabase.Schema schema;
    private static EvidenceBundler bundler;
    private static String violationId;
    private static String cleanId;
    private static String unreadableId;
    private static String undrawableId;
    /**
     * An address with a ballot box emoji and Chinese characters, which DejaVu Sans cannot draw, and longer than a page
     * holds.
     */
    static final String UNDRAWABLE_ADDRESS = "Орал қ., Абай даңғылы 12 🗳 選挙 " + "Батыс Қазақстан облысы, ".repeat(400);

    @BeforeAll
    static void storeTheViolation() throws IOException {
        schema = TestDatabase.migratedSchema();
        Stores store = schema.stores();
        Map<String, Integer> truth = truth("p2021-001.jpg");
        byte[] scan = Files.readAllBytes(SCAN);
        Samples.read(store, 0, "upload.zip!/observers/" + SCAN.getFileName(), scan,
                readWithBoxes("914", "г. Уральск, ул. Достык 41, СОШ № 9", truth));
        Samples.read(store, 1, "clean.jpg", "a clean protocol", Protocols.verified());
        // Bytes that decode to no page: the bundle falls back to the whole file and the boxes.
        Samples.read(store, 2, "lost.jpg", "not a picture any more", Protocols.needsReview());
        Samples.read(store, 3, "oral.jpg", "a protocol with characters no font has", undrawable());
        violationId = Hashes.sha256(scan).substring(0, 16) + "-1";
        cleanId = Hashes.sha256("a clean protocol".getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-1";
        unreadableId = Hashes.sha256("not a picture any more".getBytes(StandardCharsets.UTF_8)).substring(0, 16) + "-1";
        undrawableId = Hashes.sha256("a protocol with characters no font has".getBytes(StandardCharsets.UTF_8))
                .substring(0, 16) + "-1";
        bundler = new EvidenceBundler(store.protocols(), store.scans(), TestExports.source(schema, EvidenceBundlerTest::reviews), Protocols.FORM,
                HattamaProperties.defaults());
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    /** A reviewer looked at party_2 of the violation and confirmed what the machine read, then signed it off. */
    private static Map<Long, Review> reviews(Collection<Long> ids) {
        Long id = schema.jdbc().queryForObject("select id from protocol where uid = ?", Long.class, violationId);
        return ids.contains(id) ? Map.of(id, new Review("aigerim", AT, List.of(
                new Review.Change("party_2", 29, 29, "aigerim", AT.minusSeconds(30))))) : Map.of();
    }

    public static Map<String, Integer> truth(String file) throws IOException {
        for (String line : Files.readAllLines(Path.of("sample-scans/.truth.jsonl"))) {
            JsonNode t = Json.MAPPER.readTree(line);
            if (t.get("file").asText().equals(file)) {
                Map<String, Integer> v = new LinkedHashMap<>();
                t.get("fields").fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().asInt()));
                t.get("parties").forEach(p -> v.put("party_" + p.get("line").asInt(), p.get("votes").asInt()));
                return v;
            }
        }
        throw new IllegalArgumentException(file);
    }

    /** Where each field is on the normalized page, as the job's layout stage finds it. */
    static Map<String, Box> boxesOnThePage(Path scan) throws IOException {
        OpenCv.load();
        Mat page = new PageNormalizer().normalize(DevImages.read(scan)).image();
        Layout layout = new LayoutFinder().find(page, Protocols.FORM);
        Map<String, Box> boxes = new LinkedHashMap<>();
        layout.fields().forEach((key, z) -> boxes.put(key, new Box(z.box().x, z.box().y, z.box().width, z.box().height)));
        return boxes;
    }

    /** The scan as if read perfectly, with the boxes the layout stage finds on its page. */
    public static ProtocolResult readWithBoxes(String precinct, String address, Map<String, Integer> truth)
            throws IOException {
        return withBoxes(Samples.perfect(precinct, address, truth, Map.of(), false), boxesOnThePage(SCAN));
    }

    private static ProtocolResult withBoxes(ProtocolResult p, Map<String, Box> boxes) {
        Map<String, FieldResult> fields = new LinkedHashMap<>();
        p.fields().forEach((k, f) -> fields.put(k, new FieldResult(k, f.value(), f.digits(), f.words(), f.digitsText(),
                f.wordsText(), f.confidence(), f.status(), f.reasons(), boxes.get(k))));
        return new ProtocolResult(p.form(), p.lang(), p.precinct(), p.address(), fields, p.checks(), p.flags(), p.status(),
                p.precinctStatus(), p.precinctConfidence(), p.precinctReasons());
    }

    /** The Kazakh protocol of {@link Protocols#needsReview()}, its address and one reason with undrawable characters. */
    private static ProtocolResult undrawable() {
        ProtocolResult p = Protocols.needsReview();
        Map<String, FieldResult> fields = new LinkedHashMap<>(p.fields());
        fields.computeIfPresent("party_1", (k, f) -> new FieldResult(k, f.value(), f.digits(), f.words(), f.digitsText(),
                f.wordsText(), f.confidence(), f.status(), List.of(ReviewReason.note("🗳 digits and words differ (数字)")),
                f.box()));
        return new ProtocolResult(p.form(), p.lang(), "0417", UNDRAWABLE_ADDRESS, fields, p.checks(), p.flags(),
                p.status(), p.precinctStatus(), p.precinctConfidence(), p.precinctReasons());
    }

    /** The entries of a zip by name, in zip order. */
    static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void theBundleOfAPlantedViolationHoldsEverythingListed(@TempDir Path tmp) throws IOException {
        EvidenceBundler.Bundle b = bundler.write(violationId, tmp.resolve("evidence.zip"));
        Map<String, byte[]> zip = unzip(tmp.resolve("evidence.zip"));

        assertThat(b.crops()).isTrue();
        assertThat(zip.keySet()).startsWith("scan/p2021-001.jpg", "page.png")
                .contains("boxes.json", "protocol.json", "review-history.json", "summary.html", "summary.pdf", "SHA256SUMS");
        // The original scan, byte for byte, and its hash as the export cites it.
        byte[] original = Files.readAllBytes(SCAN);
        assertThat(zip.get("scan/p2021-001.jpg")).isEqualTo(original);
        JsonNode record = Json.MAPPER.readTree(zip.get("protocol.json"));
        assertThat(record.get("source_sha256").get(0).asText()).isEqualTo(Hashes.sha256(original));
        assertThat(record.get("source_files").get(0).asText()).isEqualTo("upload.zip!/observers/p2021-001.jpg");

        // A crop per field, cut where the field is: each holds handwriting (dark ink on light paper).
        List<String> crops = zip.keySet().stream().filter(n -> n.startsWith("crops/")).toList();
        assertThat(crops).hasSize(12).first().isEqualTo("crops/01-voters_total.png");
        for (String crop : crops) {
            Mat img = Imgcodecs.imdecode(new MatOfByte(zip.get(crop)), Imgcodecs.IMREAD_GRAYSCALE);
            assertThat(img.empty()).as(crop).isFalse();
            Mat dark = new Mat();
            Core.compare(img, new org.opencv.core.Scalar(128), dark, Core.CMP_LT);
            assertThat(Core.countNonZero(dark)).as("ink in " + crop).isGreaterThan(50);
        }

        // Both readings of every field, and the check that fails with its arithmetic.
        for (String key : Protocols.FORM.keys()) {
            JsonNode f = record.get("fields").get(key);
            assertThat(f.get("digits").isInt()).as(key).isTrue();
            assertThat(f.get("words").isInt()).as(key).isTrue();
        }
        JsonNode votes = null;
        for (JsonNode c : record.get("checks")) {
            if (c.get("id").asText().equals("votes_balance")) {
                votes = c;
            }
        }
        assertThat(votes.get("passed").asBoolean()).isFalse();
        assertThat(votes.get("detail").asText()).isEqualTo("65 + 29 + 12 + 1508 + 152 + 27 ≠ 1491");

        // The review history, and the summary a person reads first.
        JsonNode history = Json.MAPPER.readTree(zip.get("review-history.json"));
        assertThat(history.get("by").asText()).isEqualTo("aigerim");
        assertThat(history.get("changes").get(0).get("field").asText()).isEqualTo("party_2");
        String summary = new String(zip.get("summary.html"), StandardCharsets.UTF_8);
        assertThat(summary).contains("votes_balance", "65 + 29 + 12 + 1508 + 152 + 27 ≠ 1491", Hashes.sha256(original),
                "Signed off by <b>aigerim</b>", "src=\"crops/06-party_1.png\"", "Народная партия Казахстана");
        assertThat(summary.split("<img ", -1)).hasSize(13);

        // Every file of the bundle verifies as sha256sum -c would check it.
        List<String> sums = new String(zip.get("SHA256SUMS"), StandardCharsets.UTF_8).lines().toList();
        assertThat(sums).hasSize(zip.size() - 1).contains(Hashes.sha256(zip.get("summary.pdf")) + "  summary.pdf");
        for (String line : sums) {
            String name = line.substring(66);
            assertThat(Hashes.sha256(zip.get(name))).as(name).isEqualTo(line.substring(0, 64));
        }
    }

    @Test
    void theSummaryPdfPrintsWhatTheHtmlSaysWithTheCropsOnThePage(@TempDir Path tmp) throws IOException {
        bundler.write(violationId, tmp.resolve("evidence.zip"));
        Map<String, byte[]> zip = unzip(tmp.resolve("evidence.zip"));
        PrintedPdf pdf = PrintedPdf.of(zip.get("summary.pdf"));

        // The particulars, the failed check with its arithmetic, labels in the protocol's language, the review.
        assertThat(pdf.text()).contains("Evidence: protocol of precinct № 914", "Failed checks: 1",
                "votes_balance: 65 + 29 + 12 + 1508 + 152 + 27 ≠ 1491", "ballots_balance: 1653 = 1493 + 160",
                "г. Уральск, ул. Достык 41, СОШ № 9", Hashes.sha256(Files.readAllBytes(SCAN)),
                "Протокол участковой избирательной комиссии о результатах голосования", "Народная партия Казахстана",
                "Партия «Nur Otan»", "Signed off by aigerim at 2026-02-27T15:04:05Z", "sha256sum -c SHA256SUMS");
        // Each field's row: its key, both readings, the value, the confidence and the status, in the table's order.
        Map<String, Integer> truth = truth("p2021-001.jpg");
        for (String key : Protocols.FORM.keys()) {
            int v = truth.get(key);
            assertThat(pdf.text()).as(key).contains(key + " " + v + " → " + v + " → " + v + " " + v + " 0.97 NEEDS_REVIEW");
        }
        // The 12 crops, one per field, each on a page and at a size that keeps the handwriting legible.
        assertThat(pdf.images()).hasSize(12).allSatisfy(box -> assertThat(box.getWidth()).isGreaterThan(150));
        assertThat(pdf.offPage()).isEmpty();
        assertThat(pdf.blank()).isEmpty();
        assertThat(pdf.landscape()).first().isEqualTo(false);
        assertThat(pdf.landscape()).contains(true);
    }

    @Test
    void charactersTheFontLacksArePrintedAsQuestionMarksAndLongTextsStayOnThePage(@TempDir Path tmp) throws IOException {
        bundler.write(undrawableId, tmp.resolve("evidence.zip"));
        Map<String, byte[]> zip = unzip(tmp.resolve("evidence.zip"));
        PrintedPdf pdf = PrintedPdf.of(zip.get("summary.pdf"));

        assertThat(pdf.text()).contains("Орал қ., Абай даңғылы 12 ? ?? Батыс Қазақстан облысы",
                "? digits and words differ (??)", "Учаскедегі сайлаушылардың жалпы саны", "алпыс сегіз → 68",
                "Language kk");
        // The whole address is printed, its row going on over the next sheet, and the table goes on after it.
        int printed = pdf.text().split("Батыс Қазақстан облысы", -1).length - 1;
        assertThat(printed).isEqualTo(400);
        assertThat(pdf.text()).contains("облысы, Language kk");
        assertThat(pdf.offPage()).isEmpty();
        assertThat(pdf.blank()).isEmpty();
        // The web page keeps the characters and the whole address: a browser finds a font and scrolls.
        assertThat(new String(zip.get("summary.html"), StandardCharsets.UTF_8)).contains("🗳 選挙",
                "🗳 digits and words differ (数字)", UNDRAWABLE_ADDRESS.strip());
    }

    @Test
    void withoutThePageTheBundleHoldsTheWholeScanAndTheBoxes(@TempDir Path tmp) throws IOException {
        EvidenceBundler.Bundle b = bundler.write(unreadableId, tmp.resolve("evidence.zip"));
        Map<String, byte[]> zip = unzip(tmp.resolve("evidence.zip"));

        assertThat(b.crops()).isFalse();
        assertThat(zip.keySet()).containsExactly("scan/lost.jpg", "boxes.json", "protocol.json", "review-history.json",
                "summary.html", "summary.pdf", "SHA256SUMS");
        assertThat(new String(zip.get("summary.html"), StandardCharsets.UTF_8))
                .contains("could not be found again").contains("58 + 500 + 100 + 50 + 60 + 12 ≠ 790")
                .contains("Nobody has reviewed this protocol yet.");
        PrintedPdf pdf = PrintedPdf.of(zip.get("summary.pdf"));
        assertThat(pdf.text()).contains("could not be found again", "58 + 500 + 100 + 50 + 60 + 12 ≠ 790",
                "Nobody has reviewed this protocol yet.");
        assertThat(pdf.images()).isEmpty();
    }

    @Test
    void aProtocolWithoutAFailedCheckOrAnUnknownIdHasNoBundle(@TempDir Path tmp) {
        assertThatThrownBy(() -> bundler.write(cleanId, tmp.resolve("a.zip"))).isInstanceOf(EvidenceBundler.NothingToProve.class);
        assertThatThrownBy(() -> bundler.write("0000000000000000-1", tmp.resolve("b.zip")))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(tmp.resolve("a.zip")).doesNotExist();
    }
}
