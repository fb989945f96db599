package kz.hattama.recognize;

import kz.hattama.protocol.ReviewReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.image.PageNormalizer;
import kz.hattama.layout.FieldZones;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.PageOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A folded, stamped or blotted sample scan (sample-scans/p2021-000.png, drawn on at run time):
 * each figure is read from its own line, and a figure whose place is in doubt is never VERIFIED.
 * A fold crease is drawn as the field sees it: a thin dark line across the whole sheet, worn
 * through in places, with a soft shadow on one side.
 */
class CreasedPageTest {

    private static final Path SCAN = Path.of("sample-scans/p2021-000.png");

    private static PageRecognizer recognizer;
    private static FormDefinition form;
    private static Mat page;
    private static Layout clean;
    private static Map<String, Integer> truth;

    @BeforeAll
    static void setUp() throws Exception {
        HattamaProperties props = HattamaProperties.defaults();
        RecognitionConfiguration cfg = new RecognitionConfiguration();
        form = cfg.form(props);
        recognizer = cfg.pageRecognizer(form, props);
        page = new PageNormalizer().normalize(Imgcodecs.imread(SCAN.toString(), Imgcodecs.IMREAD_COLOR)).image();
        clean = new LayoutFinder().find(page, form);
        truth = truth("p2021-000.png");
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    /**
     * Under line 1 with a seal's rings over the signatures; and under the last line before the table, as in the CEO's
     * captures, where the crease took a place among the value lines, every line above it moved up by one, and line 1
     * was VERIFIED with line 2's figure (its only check, an inequality, still held).
     */
    @ParameterizedTest
    @CsvSource({"voters_total, true", "voted_outside, false"})
    void aCreaseUnderALineMovesNoFigure(String under, boolean seal) {
        Mat folded = page.clone();
        crease(folded, rule(under) + 40);
        if (seal) {
            sealRing(folded, new Point(820, rule("ballots_unused") + 170));
        }

        Map<String, FieldResult> fields = read(folded);

        assertThat(fields.get("voters_total").value()).isEqualTo(truth.get("voters_total"));
        for (FieldResult f : fields.values()) {
            if (f.status() == FieldStatus.VERIFIED) {
                assertThat(f.value()).as("VERIFIED %s", f.key()).isEqualTo(truth.get(f.key()));
            }
            assertThat(f.value()).as("%s read from its own line", f.key()).isIn(truth.get(f.key()), null);
        }
    }

    @Test
    void aFieldWhoseLabelIsBlottedOutIsNeverVerified() {
        Mat blotted = page.clone();
        int r = rule("voters_total");
        Imgproc.rectangle(blotted, new Point(60, r - 100), new Point(1000, r - 52), new Scalar(255, 255, 255), -1);

        FieldResult voters = read(blotted).get("voters_total");

        assertThat(voters.status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(voters.reasons())).contains("label not found next to the zone");
    }

    private static Map<String, FieldResult> read(Mat gray) {
        Mat picture = new Mat();
        Imgproc.cvtColor(gray, picture, Imgproc.COLOR_GRAY2BGR);
        PageOutcome o = recognizer.recognize(1, picture);
        assertThat(o.isRejected()).as("rejected: %s", o.rejection()).isFalse();
        return o.protocol().fields();
    }

    /** The y of a line field's digits rule on the clean page. */
    private static int rule(String key) {
        FieldZones z = clean.fields().get(key);
        return z.digits().y + z.digits().height - 6;
    }

    /** A fold: dark and thin, worn through in four places, a soft shadow under it. */
    private static void crease(Mat gray, int y) {
        int w = gray.cols();
        Mat shadow = Mat.zeros(gray.size(), CvType.CV_8UC1);
        Imgproc.line(shadow, new Point(0, y + 7), new Point(w, y + 9), new Scalar(30), 10);
        Imgproc.GaussianBlur(shadow, shadow, new Size(0, 0), 4);
        Core.subtract(gray, shadow, gray);
        int[] worn = {260, 700, 1090, 1420};
        int from = 0;
        for (int gap : worn) {
            line(gray, from, gap, y, w);
            from = gap + 30;
        }
        line(gray, from, w, y, w);
    }

    private static void line(Mat gray, int x0, int x1, int y, int w) {
        double tilt = 3.0 / w;
        Imgproc.line(gray, new Point(x0, y + x0 * tilt), new Point(x1, y + x1 * tilt), new Scalar(70), 2);
    }

    /** A commission seal's two rings, as a grayscale scan shows its violet ink. */
    private static void sealRing(Mat gray, Point centre) {
        Imgproc.circle(gray, centre, 130, new Scalar(110), 4);
        Imgproc.circle(gray, centre, 108, new Scalar(110), 2);
    }

    private static Map<String, Integer> truth(String file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("sample-scans/.truth.jsonl"))) {
            JsonNode t = json.readTree(line);
            if (t.get("file").asText().equals(file)) {
                Map<String, Integer> out = new LinkedHashMap<>();
                t.get("fields").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
                for (JsonNode p : t.get("parties")) {
                    out.put("party_" + p.get("line").asInt(), p.get("votes").asInt());
                }
                return out;
            }
        }
        throw new IllegalArgumentException("no truth for " + file);
    }
}
