package kz.hattama.recognize;

import kz.hattama.protocol.ReviewReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;
import kz.hattama.image.PageNormalizer;
import kz.hattama.ingest.FileTypes;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.ocr.OcrBlock;
import kz.hattama.ocr.PrecinctPattern;
import kz.hattama.ocr.TessdataLocator;
import kz.hattama.ocr.TesseractOcr;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precinct number on real sample scans: read right and VERIFIED as printed; with the number damaged (painted over
 * on the scan here, as seals, creases and pens do), sent to a person, never VERIFIED as another number.
 */
class PrecinctOnScansTest {

    private static final Path SAMPLES = Path.of("sample-scans");
    private static final String DAMAGED = "p2021-000.png";
    private static final String TRUE_NUMBER = "879";

    private static FormDefinition form;
    private static PageRecognizer recognizer;
    private static Mat page;
    private static Rect number;

    @BeforeAll
    static void setUp() throws IOException {
        HattamaProperties props = HattamaProperties.defaults();
        RecognitionConfiguration cfg = new RecognitionConfiguration();
        form = cfg.form(props);
        recognizer = cfg.pageRecognizer(form, props);
        page = new PageNormalizer().normalize(decode(DAMAGED)).image();
        number = whereTheNumberIs(page, props);
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    static Stream<JsonNode> samples() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES.resolve(".truth.jsonl"))) {
            out.add(json.readTree(line));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theNumberOfEverySampleScanIsReadRightAndVerified(JsonNode truth) throws IOException {
        ProtocolResult p = read(decode(truth.get("file").asText()));
        assertThat(p.precinct()).isEqualTo(truth.get("precinct").asText());
        assertThat(p.precinctStatus()).isEqualTo(FieldStatus.VERIFIED);
        assertThat(p.precinctConfidence()).isGreaterThanOrEqualTo(HattamaProperties.defaults().verifyPrecinct());
    }

    @Test
    void theUndamagedPageReadsItsNumber() {
        ProtocolResult p = read(page.clone());
        assertThat(p.precinct()).isEqualTo(TRUE_NUMBER);
        assertThat(p.precinctStatus()).isEqualTo(FieldStatus.VERIFIED);
    }

    /** Nothing left where the number was: the decree's «№ 29/336» above must not stand in for it. */
    @Test
    void aNumberPaintedOutIsNotReplacedByAnotherFigureOfTheHeader() {
        Mat damaged = page.clone();
        Imgproc.rectangle(damaged, pad(number, 3), new Scalar(255), -1);
        ProtocolResult p = read(damaged);
        assertThat(p.precinctStatus()).isEqualTo(FieldStatus.NEEDS_REVIEW);
        assertThat(p.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
        assertThat(ReviewReason.english(p.precinctReasons())).isNotBlank();
    }

    /** Pen strokes across the number, as on a corrected protocol. */
    @Test
    void aNumberScribbledOverIsNeverVerifiedAsAnotherNumber() {
        Mat damaged = page.clone();
        Random rnd = new Random(4);
        Rect r = pad(number, 2);
        for (int i = 0; i < 7; i++) {
            Imgproc.line(damaged, new Point(r.x + rnd.nextInt(r.width), r.y),
                    new Point(r.x + rnd.nextInt(r.width), r.y + r.height), new Scalar(30), 3);
        }
        assertNeverVerifiedWrong(read(damaged));
    }

    /** A seal's ring over the number: grey ink through the digits. */
    @Test
    void aSealOverTheNumberIsNeverVerifiedAsAnotherNumber() {
        Mat damaged = page.clone();
        Point centre = new Point(number.x + number.width * 0.8, number.y + number.height * 2.5);
        Imgproc.circle(damaged, centre, number.height * 2, new Scalar(90), 4);
        Imgproc.circle(damaged, centre, (int) (number.height * 1.6), new Scalar(90), 2);
        assertNeverVerifiedWrong(read(damaged));
    }

    /** The last digit smudged away: «87» is a precinct too, and must not be taken for this one. */
    @Test
    void aNumberWithItsLastDigitSmudgedIsNeverVerifiedShort() {
        Mat damaged = page.clone();
        Rect last = new Rect(number.x + number.width * 2 / 3, number.y - 2, number.width / 3 + 3, number.height + 4);
        Imgproc.GaussianBlur(damaged.submat(last), damaged.submat(last), new org.opencv.core.Size(0, 0), 6);
        Imgproc.rectangle(damaged, last, new Scalar(200), -1);
        assertNeverVerifiedWrong(read(damaged));
    }

    private static void assertNeverVerifiedWrong(ProtocolResult p) {
        if (p.precinctStatus() == FieldStatus.VERIFIED) {
            assertThat(p.precinct()).as("a VERIFIED precinct number must be the printed one").isEqualTo(TRUE_NUMBER);
        } else {
            assertThat(p.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
        }
    }

    private static ProtocolResult read(Mat picture) {
        PageOutcome o = recognizer.recognize(1, picture);
        assertThat(o.isRejected()).as("rejected: %s", o.rejection()).isFalse();
        return o.protocol();
    }

    private static Mat decode(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(SAMPLES.resolve(file));
        return new PageDecoder(200, 10, 600).decode(bytes, FileTypes.detect(bytes, file)).pages().get(0);
    }

    /** The box of the printed number on the normalized page, found the way the reader finds it. */
    private static Rect whereTheNumberIs(Mat page, HattamaProperties props) {
        Rect header = new LayoutFinder().find(page, form).header();
        try (TesseractOcr ocr = new TesseractOcr(TessdataLocator.locate(props.tessdata(),
                Path.of(System.getProperty("java.io.tmpdir"))))) {
            OcrBlock block = ocr.readBlock(page.submat(header), "rus+kaz");
            Map<Integer, List<OcrBlock.Word>> lines = new TreeMap<>();
            block.words().forEach(w -> lines.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w));
            for (List<OcrBlock.Word> line : lines.values()) {
                var m = PrecinctPattern.of(form, Lang.KK).find(line.stream().map(OcrBlock.Word::text).toList());
                if (m.isPresent() && m.get().anchored()) {
                    OcrBlock.Word w = line.get(m.get().word());
                    return new Rect(header.x + w.x(), header.y + w.y(), w.width(), w.height());
                }
            }
        }
        throw new AssertionError("the sample's precinct number was not found");
    }

    private static Rect pad(Rect r, int by) {
        return new Rect(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by);
    }
}
