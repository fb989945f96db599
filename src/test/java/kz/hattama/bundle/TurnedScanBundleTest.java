package kz.hattama.bundle;

import kz.hattama.config.HattamaProperties;
import kz.hattama.export.TestExports;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageTurns;
import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageTurn;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev-set violation of {@link EvidenceBundlerTest}, uploaded upside down and read after a half turn: the
 * bundle must turn the scan the same way, or every crop would be cut from the wrong part of the page.
 */
class TurnedScanBundleTest {

    private static TestDatabase.Schema schema;
    private static EvidenceBundler bundler;
    private static String uprightId;
    private static String turnedId;

    @BeforeAll
    static void store() throws IOException {
        OpenCv.load();
        schema = TestDatabase.migratedSchema();
        Stores store = schema.stores();
        var read = EvidenceBundlerTest.readWithBoxes("914", "г. Уральск, ул. Достык 41, СОШ № 9",
                EvidenceBundlerTest.truth("p2021-001.jpg"));
        byte[] upright = Files.readAllBytes(EvidenceBundlerTest.SCAN);
        Mat turned = PageTurns.apply(PageTurn.HALF, DevImages.read(EvidenceBundlerTest.SCAN));
        MatOfByte png = new MatOfByte();
        Imgcodecs.imencode(".png", turned, png);
        byte[] upsideDown = png.toArray();
        uprightId = save(store, 0, "upright.jpg", upright, PageOutcome.read(1, read, null, PageTurn.NONE));
        turnedId = save(store, 1, "upside-down.png", upsideDown, PageOutcome.read(1, read, null, PageTurn.HALF));
        bundler = new EvidenceBundler(store.protocols(), store.scans(), TestExports.source(schema, ids -> Map.of()), Protocols.FORM,
                HattamaProperties.defaults());
    }

    private static String save(Stores store, int seq, String name, byte[] bytes, PageOutcome outcome) {
        String sha = Hashes.sha256(bytes);
        long id = store.intake().addSource(1, seq, name, bytes, sha, name.endsWith(".png") ? "image/png" : "image/jpeg");
        store.outcomes().saveOutcome(id, List.of(outcome));
        return sha.substring(0, 16) + "-1";
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    private static Mat entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return Imgcodecs.imdecode(new MatOfByte(in.readAllBytes()), Imgcodecs.IMREAD_GRAYSCALE);
                }
            }
        }
        throw new AssertionError(name + " not in " + zip);
    }

    private static double meanDifference(Mat a, Mat b) {
        Mat d = new Mat();
        Core.absdiff(a, b, d);
        return Core.mean(d).val[0];
    }

    @Test
    void theCropsOfATurnedScanAreCutFromThePageTurnedBack(@TempDir Path tmp) throws IOException {
        Path upright = bundler.write(uprightId, tmp.resolve("upright.zip")).zip();
        Path turned = bundler.write(turnedId, tmp.resolve("turned.zip")).zip();
        for (String crop : List.of("crops/01-voters_total.png", "crops/08-party_3.png")) {
            Mat a = entry(upright, crop);
            Mat b = entry(turned, crop);
            assertThat(b.size()).isEqualTo(a.size());
            Mat wrongWay = new Mat();
            Core.rotate(b, wrongWay, Core.ROTATE_180);
            // the same ink on the same spot, JPEG noise aside; a crop cut upside down would differ everywhere
            assertThat(meanDifference(a, b)).as(crop).isLessThan(meanDifference(a, wrongWay) / 2);
        }
    }
}
