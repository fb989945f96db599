package kz.hattama.recognize;

import kz.hattama.config.HattamaProperties;
import kz.hattama.form.FormDefinition;
import kz.hattama.image.PageTurns;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.opencv.core.Point;
import org.opencv.core.CvType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole pages through every stage, on generated protocols (seed 9090, not the dev set). */
class PageRecognizerTest {

    private static PageRecognizer recognizer;
    private static FormDefinition form;
    private static Map<String, Integer> upright;

    @BeforeAll
    static void read() {
        HattamaProperties props = HattamaProperties.defaults();
        RecognitionConfiguration cfg = new RecognitionConfiguration();
        form = cfg.form(props);
        recognizer = cfg.pageRecognizer(form, props);
        upright = values(recognizer.recognize(1, Fixtures.read("scan-typed-ru.png")));
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    private static Map<String, Integer> values(PageOutcome o) {
        assertThat(o.isRejected()).as("rejected: %s", o.rejection()).isFalse();
        Map<String, Integer> v = new LinkedHashMap<>();
        for (FieldResult f : o.protocol().fields().values()) {
            v.put(f.key(), f.value());
        }
        return v;
    }

    @Test
    void aTypedScanIsReadWholeAsItCame() {
        assertThat(upright).hasSize(12).doesNotContainValue(null);
        assertThat(recognizer.recognize(1, Fixtures.read("scan-typed-ru.png")).turn()).isEqualTo(PageTurn.NONE);
    }

    /** Fed upside down or sideways, the page is turned back and read the same. */
    @ParameterizedTest
    @EnumSource(value = PageTurn.class, names = {"HALF", "CLOCKWISE", "COUNTERCLOCKWISE"})
    void aTurnedPageIsTurnedBackAndReadTheSame(PageTurn turn) {
        Mat turned = PageTurns.apply(turn, Fixtures.read("scan-typed-ru.png"));
        PageOutcome o = recognizer.recognize(1, turned);
        assertThat(values(o)).isEqualTo(upright);
        assertThat(o.protocol().precinct()).isNotNull();
        PageTurn back = switch (turn) {
            case CLOCKWISE -> PageTurn.COUNTERCLOCKWISE;
            case COUNTERCLOCKWISE -> PageTurn.CLOCKWISE;
            default -> turn;
        };
        assertThat(o.turn()).as("the turn that undid it, stored for the evidence bundle").isEqualTo(back);
    }

    /**
     * A sideways scan on which seals, creases and joined digits leave fewer than a third of the
     * fields agreeing in digits and words is still turned the way up where most agree (here two
     * fields keep their words, the others' words are blotted out above their rules).
     */
    @Test
    void aSidewaysPageWithFewAgreeingFieldsIsStillTurnedAndRead() {
        Mat page = Fixtures.read("scan-typed-ru.png");
        Mat gray = new Mat();
        Imgproc.cvtColor(page, gray, Imgproc.COLOR_BGR2GRAY);
        var layout = new kz.hattama.layout.LayoutFinder().find(gray, form);
        List<String> kept = List.of("ballots_issued", "party_2");
        layout.fields().forEach((key, zones) -> {
            if (!kept.contains(key)) {
                var w = zones.words();
                Imgproc.rectangle(page, new Point(w.x, w.y + w.height * 0.3), new Point(w.x + w.width, w.y + w.height * 0.85), new Scalar(90, 90, 90), -1);
            }
        });
        Mat sideways = PageTurns.apply(PageTurn.CLOCKWISE, page);

        PageOutcome o = recognizer.recognize(1, sideways);

        assertThat(o.isRejected()).as("rejected: %s", o.rejection()).isFalse();
        assertThat(o.turn()).isEqualTo(PageTurn.COUNTERCLOCKWISE);
        for (String key : kept) {
            assertThat(o.protocol().fields().get(key).value()).as(key).isEqualTo(upright.get(key));
        }
    }

    @Test
    void aPictureThatIsNoProtocolInAnyTurnIsStillRejected() {
        Mat drawing = new Mat(2339, 1654, CvType.CV_8UC3, new Scalar(255, 255, 255));
        Imgproc.circle(drawing, new Point(800, 1100), 500, new Scalar(0, 0, 0), 12);
        PageOutcome o = recognizer.recognize(1, drawing);
        assertThat(o.isRejected()).isTrue();
        assertThat(o.rejection().code()).isEqualTo(RejectionCode.NOT_A_PROTOCOL);
    }
}
