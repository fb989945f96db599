package kz.hattama.layout;

import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.LayoutDef;
import kz.hattama.image.PageNormalizer;
import kz.hattama.ocr.TesseractLabelReader;
import kz.hattama.ocr.TesseractOcr;
import kz.hattama.testsupport.Fixtures;
import kz.hattama.testsupport.SyntheticPages;
import kz.hattama.tools.LayoutChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayoutFinderTest {

    private static FormDefinition form;
    private static final Map<String, Mat> PAGES = new ConcurrentHashMap<>();
    private final LayoutFinder finder = new LayoutFinder();
    /** One Tesseract for the class: the test methods run one after another. */
    private static LabelReader labels;

    @BeforeAll
    static void loadForm() {
        form = Fixtures.form();
    }

    static List<String> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void findsEveryFieldInPageOrder(String fixture) {
        Mat page = page(fixture);
        Layout layout = finder.find(page, form);

        assertThat(layout.fields().keySet()).containsExactlyElementsOf(form.keys());
        assertThat(LayoutChecks.problems(layout, form, page)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void digitsZonesHoldTheWrittenFigure(String fixture) {
        Mat page = page(fixture);
        Layout layout = finder.find(page, form);

        for (String key : List.of("voters_total", "party_3", "ballots_unused")) {
            Rect digits = layout.fields().get(key).digits();
            // Leave out the bottom strip, where a line field's rule runs: the ink must be the figure.
            Rect above = new Rect(digits.x, digits.y, digits.width, digits.height - 14);
            assertThat(inkPixels(page.submat(above))).as("ink of %s in %s", key, fixture).isGreaterThan(60);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void anchorsEveryFieldOnItsPrintedLabelWhereTheRulingsPutIt(String fixture) {
        Mat page = page(fixture);
        Layout byRulings = finder.find(page, form);

        Layout byLabels = finder.find(page, form, labels());

        assertThat(byLabels.fields().values()).allMatch(FieldZones::anchored);
        assertThat(byRulings.fields().values()).noneMatch(FieldZones::anchored);
        for (String key : form.keys()) {
            assertThat(byLabels.fields().get(key).digits()).as(key).isEqualTo(byRulings.fields().get(key).digits());
        }
    }

    /**
     * Worn through in places, a fold crease comes out of the rulings as a value line of its own; under the last line
     * before the table it shifted every line above it by one. No label is printed over it, so no field goes there.
     */
    @Test
    void aCreaseUnderTheLastLineBeforeTheTableIsNoValueLine() {
        Mat page = page("scan-typed-ru.png").clone();
        Layout clean = finder.find(page, form);
        FieldZones last = clean.fields().get("voted_outside");
        int y = last.digits().y + last.digits().height + 34;
        for (int[] piece : new int[][]{{0, 420}, {450, 900}, {930, page.cols()}}) {
            Imgproc.line(page, new org.opencv.core.Point(piece[0], y), new org.opencv.core.Point(piece[1], y),
                    new org.opencv.core.Scalar(60), 2);
        }
        assertThat(finder.find(page, form).fields().get("voters_total").digits())
                .as("by the rulings alone, line 1 takes line 2's place")
                .isEqualTo(clean.fields().get("ballots_received").digits());

        Layout layout = finder.find(page, form, labels());

        for (String key : form.keys()) {
            assertThat(layout.fields().get(key).digits()).as(key).isEqualTo(clean.fields().get(key).digits());
            assertThat(layout.fields().get(key).anchored()).as(key).isTrue();
        }
    }

    @Test
    void aFieldWhoseLabelIsCoveredIsPlacedByTheRulingsButNotAnchored() {
        Mat page = page("scan-typed-ru.png").clone();
        Layout clean = finder.find(page, form);
        Rect digits = clean.fields().get("ballots_issued").digits();
        Imgproc.rectangle(page, new org.opencv.core.Point(0, digits.y - 50), new org.opencv.core.Point(page.cols(), digits.y + 8),
                new org.opencv.core.Scalar(255), -1);

        Layout layout = finder.find(page, form, labels());

        assertThat(layout.fields().get("ballots_issued").anchored()).isFalse();
        assertThat(layout.fields().get("ballots_issued").digits()).isEqualTo(digits);
        assertThat(layout.fields().entrySet()).filteredOn(e -> !e.getKey().equals("ballots_issued"))
                .allMatch(e -> e.getValue().anchored());
    }

    /** Small type on a shrunk picture: the names are past reading, the row numbers still anchor the rows. */
    @Test
    void tableRowsWhoseNamesCannotBeReadAreAnchoredByTheirNumbers() {
        Mat page = page("scan-typed-ru.png").clone();
        Layout clean = finder.find(page, form);
        for (FieldDef party : form.tableFields()) {
            FieldZones row = clean.fields().get(party.key());
            Imgproc.rectangle(page, new org.opencv.core.Point(row.box().x + 75, row.box().y + 4),
                    new org.opencv.core.Point(row.digits().x - 8, row.box().y + row.box().height - 4), new org.opencv.core.Scalar(255), -1);
        }

        Layout layout = finder.find(page, form, labels());

        assertThat(form.tableFields()).allMatch(p -> layout.fields().get(p.key()).anchored());
    }

    private static LabelReader labels() {
        if (labels == null) {
            labels = new TesseractLabelReader(new TesseractOcr(Path.of("tessdata")));
        }
        return labels;
    }

    @Test
    void headerHoldsThePrecinctLineAndStopsAtTheFirstLabel() {
        Mat page = page("scan-typed-ru.png");
        Layout layout = finder.find(page, form);

        Rect header = layout.header();
        // On this form the precinct line ends about 365 px down, «УСТАНОВИЛА:» about 455 px and
        // the first label starts at 484 px (the scan is turned by half a degree).
        assertThat(header.y).isZero();
        assertThat(header.height).isBetween(455, 505);
        assertThat(layout.fields().get("voters_total").box().y).isGreaterThanOrEqualTo(header.height - 10);
    }

    /** A fold down the sheet crosses every printed line; the header still reaches down to the first label. */
    @Test
    void aVerticalCreaseDoesNotCutTheHeaderShort() {
        Mat page = page("scan-typed-ru.png").clone();
        Rect clean = finder.find(page, form).header();
        int x = (int) (0.45 * page.cols());
        // Thresholded, a crease is a thin line broken every few pixels.
        for (int y = 0; y < page.rows(); y += 14) {
            Imgproc.line(page, new org.opencv.core.Point(x, y), new org.opencv.core.Point(x + 1, y + 10),
                    new org.opencv.core.Scalar(70), 5);
        }

        Rect header = finder.find(page, form).header();

        assertThat(header.height).isCloseTo(clean.height, org.assertj.core.data.Offset.offset(12));
    }

    /**
     * A shaken photo: every rule a pale band, print past reading, handwriting still legible. Its fields are placed by
     * the rulings, and none is anchored on a label nobody could read.
     */
    @Test
    void aShakenPhotoIsReadAsAProtocolNotRefused() {
        Mat sharp = page("photo-handwritten-ru.jpg");
        Layout clean = finder.find(sharp, form);
        Mat shaken = new Mat();
        // The hand moved 11 px along a slant while the shutter was open, as hard-set photos are drawn.
        Mat kernel = Mat.zeros(11, 11, org.opencv.core.CvType.CV_32F);
        for (int i = 0; i < 11; i++) {
            kernel.put(i, 3 + i / 2, 1.0 / 11);
        }
        Imgproc.filter2D(sharp, shaken, -1, kernel);
        shaken.convertTo(shaken, -1, 0.75, 60);

        Layout layout = finder.find(shaken, form, labels());

        assertThat(layout.fields().keySet()).containsExactlyElementsOf(form.keys());
        for (String key : form.keys()) {
            Rect was = clean.fields().get(key).box(), is = layout.fields().get(key).box();
            assertThat(Math.abs(is.y + is.height / 2 - (was.y + was.height / 2))).as(key).isLessThan(25);
        }
    }

    /** A crease across a table row is one rule too many; it must not push every row below it down by one. */
    @Test
    void aCreaseAcrossTheTableDoesNotShiftItsRows() {
        Mat page = page("scan-typed-ru.png").clone();
        Layout clean = finder.find(page, form);
        FieldZones third = clean.fields().get(form.tableFields().get(2).key());
        int y = third.box().y + third.box().height / 3;
        Imgproc.line(page, new org.opencv.core.Point(0, y), new org.opencv.core.Point(page.cols(), y),
                new org.opencv.core.Scalar(60), 2);

        Layout layout = finder.find(page, form);

        for (FieldDef party : form.tableFields()) {
            assertThat(layout.fields().get(party.key()).digits()).as(party.key())
                    .isEqualTo(clean.fields().get(party.key()).digits());
        }
    }

    /** Figures written across a table's row rules break each into pieces too short to span the table alone. */
    @Test
    void rowRulesBrokenIntoPiecesStillMakeTheTable() {
        Mat page = page("scan-typed-ru.png").clone();
        Layout clean = finder.find(page, form);
        List<FieldDef> parties = form.tableFields();
        Rect last = clean.fields().get(parties.get(parties.size() - 1).key()).box();
        List<Integer> rules = new ArrayList<>(parties.subList(1, parties.size()).stream()
                .map(p -> clean.fields().get(p.key()).box().y).toList());
        rules.add(last.y + last.height);
        for (int y : rules) {
            for (int x0 : new int[]{last.x + last.width / 3, last.x + 2 * last.width / 3}) {
                Imgproc.rectangle(page, new org.opencv.core.Point(x0 - 130, y - 12),
                        new org.opencv.core.Point(x0 + 130, y + 12), new org.opencv.core.Scalar(255), -1);
            }
        }

        Layout layout = finder.find(page, form);

        for (FieldDef party : form.tableFields()) {
            Rect was = clean.fields().get(party.key()).box(), is = layout.fields().get(party.key()).box();
            assertThat(Math.abs(is.y - was.y)).as(party.key()).isLessThan(8);
        }
    }

    /** Figures and words written under their rule, over the printed hint: the zones go down to them. */
    @Test
    void zonesFollowWritingUnderTheRule() {
        Mat page = page("photo-handwritten-ru.jpg").clone();
        Layout clean = finder.find(page, form);
        FieldZones line = clean.fields().get("ballots_issued");
        for (Rect zone : List.of(line.digits(), line.words())) {
            int rule = zone.y + zone.height - 6;
            Rect writing = new Rect(zone.x, rule - 50, zone.width, 44);
            Mat moved = page.submat(writing).clone();
            page.submat(writing).setTo(new org.opencv.core.Scalar(235));
            // Ink over the print of the hint: the darker of the two.
            Mat under = page.submat(new Rect(zone.x, rule + 6, zone.width, 44));
            Core.min(under, moved, under);
        }

        Layout layout = finder.find(page, form);

        FieldZones after = layout.fields().get("ballots_issued");
        for (Rect[] z : new Rect[][]{{line.digits(), after.digits()}, {line.words(), after.words()}}) {
            int rule = z[0].y + z[0].height - 6;
            assertThat(z[1].y + z[1].height).as("bottom").isGreaterThanOrEqualTo(rule + 45);
            assertThat(z[1].y).as("top").isGreaterThan(rule - 30);
        }
        for (String key : form.keys()) {
            if (!key.equals("ballots_issued")) {
                assertThat(layout.fields().get(key).digits()).as(key).isEqualTo(clean.fields().get(key).digits());
                assertThat(layout.fields().get(key).words()).as(key).isEqualTo(clean.fields().get(key).words());
            }
        }
    }

    /**
     * A thick pen or a shaken photo loses the start of every rule under the writing: the zones, drawn from where the
     * rules were found, would start in the middle of the figures. They reach back over the writing their edge cuts.
     */
    @Test
    void zonesReachBackOverWritingWhereTheRulesStartWasLost() {
        Mat page = page("photo-handwritten-ru.jpg").clone();
        Layout clean = finder.find(page, form);
        List<String> lines = form.keys().stream().filter(k -> form.tableFields().stream().noneMatch(f -> f.key().equals(k)))
                .toList();
        Map<String, Integer> firstInk = new java.util.HashMap<>();
        for (String key : lines) {
            Rect zone = clean.fields().get(key).digits();
            int rule = zone.y + zone.height - 6;
            Mat writing = page.submat(new Rect(zone.x, zone.y + 15, zone.width, zone.height - 24));
            Mat dark = new Mat();
            Imgproc.threshold(writing, dark, 128, 255, Imgproc.THRESH_BINARY_INV);
            Rect ink = Imgproc.boundingRect(dark);
            firstInk.put(key, zone.x + ink.x);
            // The rule gone from its start to the middle of the figure.
            int cutTo = zone.x + ink.x + ink.width / 2;
            Imgproc.rectangle(page, new org.opencv.core.Point(0, rule - 5), new org.opencv.core.Point(cutTo, rule + 5),
                    new org.opencv.core.Scalar(235), -1);
        }

        Layout layout = finder.find(page, form);

        for (String key : lines) {
            assertThat(layout.fields().get(key).digits().x).as(key).isLessThanOrEqualTo(firstInk.get(key));
        }
    }

    /** A fold crease just under a rule is not writing: the zones stay over the rule. */
    @Test
    void aCreaseUnderARuleIsNotWritingUnderIt() {
        Mat page = page("photo-handwritten-ru.jpg").clone();
        Layout clean = finder.find(page, form);
        Rect digits = clean.fields().get("voters_participated").digits();
        int y = digits.y + digits.height + 14;
        Imgproc.line(page, new org.opencv.core.Point(0, y), new org.opencv.core.Point(page.cols(), y + 3),
                new org.opencv.core.Scalar(90), 3);

        Layout layout = finder.find(page, form);

        for (String key : form.keys()) {
            assertThat(layout.fields().get(key).digits()).as(key).isEqualTo(clean.fields().get(key).digits());
        }
    }

    @Test
    void separatesRulesThatHandwritingWeldedTogether() {
        Mat page = page("photo-handwritten-ru.jpg").clone();
        FieldZones before = finder.find(page, form).fields().get("ballots_issued");
        int ruleY = before.digits().y + before.digits().height - 7;
        // A stroke along the rule across the gap between the digits rule and the words rule.
        Imgproc.line(page, new org.opencv.core.Point(before.digits().x + before.digits().width - 40, ruleY),
                new org.opencv.core.Point(before.words().x + 40, ruleY), new org.opencv.core.Scalar(30), 3);

        Layout layout = finder.find(page, form);

        assertThat(layout.fields().keySet()).containsExactlyElementsOf(form.keys());
        FieldZones after = layout.fields().get("ballots_issued");
        assertThat(Math.abs(after.digits().x + after.digits().width - (before.digits().x + before.digits().width))).isLessThan(30);
        assertThat(Math.abs(after.words().x - before.words().x)).isLessThan(30);
    }

    @Test
    void leavesOutOnlyTheFieldWhoseRulesAreGone() {
        Mat page = page("scan-typed-ru.png").clone();
        Layout full = finder.find(page, form);
        FieldZones lost = full.fields().get("ballots_issued");
        int ruleY = lost.digits().y + lost.digits().height - 7;
        Imgproc.rectangle(page, new org.opencv.core.Point(0, ruleY - 8), new org.opencv.core.Point(page.cols(), ruleY + 8),
                new org.opencv.core.Scalar(255), -1);

        Layout layout = finder.find(page, form);

        assertThat(layout.missing(form.keys())).containsExactly("ballots_issued");
        assertThat(layout.fields().get("voters_participated").digits()).isEqualTo(full.fields().get("voters_participated").digits());
        assertThat(layout.fields().get("ballots_received").digits()).isEqualTo(full.fields().get("ballots_received").digits());
    }

    @Test
    void refusesAPictureWithoutAPage() {
        Mat noise = new PageNormalizer().normalize(SyntheticPages.noise(11)).image();

        assertThatThrownBy(() -> finder.find(noise, form)).isInstanceOf(NotAProtocolException.class);
    }

    @Test
    void refusesAPageOfPlainText() {
        Mat text = SyntheticPages.textPage(5, 0);

        assertThatThrownBy(() -> finder.find(text, form)).isInstanceOf(NotAProtocolException.class);
    }

    @Test
    void refusesABlankPage() {
        Mat blank = SyntheticPages.textPage(0, 0).setTo(new org.opencv.core.Scalar(255));

        assertThatThrownBy(() -> finder.find(blank, form)).isInstanceOf(NotAProtocolException.class);
    }

    @Test
    void refusesSquaredPaper() {
        Mat grid = SyntheticPages.squaredPaper(96);

        assertThatThrownBy(() -> finder.find(grid, form))
                .isInstanceOf(NotAProtocolException.class).hasMessageContaining("no ruled table");
    }

    @Test
    void refusesATableWithAnotherNumberOfRows() {
        Mat other = SyntheticPages.tablePage(3);

        assertThatThrownBy(() -> finder.find(other, form))
                .isInstanceOf(NotAProtocolException.class).hasMessageContaining("5 rows");
    }

    @Test
    void followsTheFormDefinitionNotAFixedLayout() {
        // The same page read against a form whose table has one row more is not that form.
        List<FieldDef> fields = new ArrayList<>(form.fields());
        fields.add(fields.indexOf(form.field("party_5")) + 1,
                new FieldDef("party_6", "5.6", "6.", null, Map.of("ru", "Шестая партия", "kk", "Алтыншы партия")));
        List<LayoutDef.Block> blocks = form.layout().blocks().stream().map(b -> {
            if (!b.isTable()) {
                return b;
            }
            List<String> rows = new ArrayList<>(b.fields());
            rows.add("party_6");
            return new LayoutDef.Block(b.kind(), rows);
        }).toList();
        FormDefinition sixParties = new FormDefinition("six-parties", 1, form.title(), form.markers(), form.precinct(),
                form.header(), fields, new LayoutDef(List.of(new LayoutDef.Side(null, blocks, null))), List.of(), List.of(),
                form.maxValue());

        assertThatThrownBy(() -> finder.find(page("scan-typed-ru.png"), sixParties))
                .isInstanceOf(NotAProtocolException.class).hasMessageContaining("6 rows");
    }

    private static Mat page(String fixture) {
        return PAGES.computeIfAbsent(fixture, f -> new PageNormalizer().normalize(Fixtures.read(f)).image());
    }

    private static int inkPixels(Mat gray) {
        Mat ink = new Mat();
        Imgproc.threshold(gray, ink, 128, 255, Imgproc.THRESH_BINARY_INV);
        return Core.countNonZero(ink);
    }
}
