package kz.hattama.recognize;

import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.ingest.Mats;
import kz.hattama.image.PageNormalizer;
import kz.hattama.image.PageNotFoundException;
import kz.hattama.image.PageTurns;
import kz.hattama.layout.FieldZones;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.layout.NotAProtocolException;
import kz.hattama.ocr.DigitsZoneReader;
import kz.hattama.ocr.HeaderParser;
import kz.hattama.ocr.HeaderReading;
import kz.hattama.ocr.OcrBlock;
import kz.hattama.ocr.SignatureReader;
import kz.hattama.ocr.WordsCheck;
import kz.hattama.ocr.WordsZoneReader;
import kz.hattama.protocol.Box;
import kz.hattama.protocol.FieldReading;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageReading;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.reconcile.Reconciler;
import kz.hattama.recognize.StageClock.Stage;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One page through every stage: image → layout → ocr → numerals → reconcile. Thread-safe: each
 * thread gets its own OCR toolkit, made on first use and kept for the thread's life.
 */
public final class PageRecognizer implements AutoCloseable {

    /**
     * Crisp enough for a reviewer to read every stroke of a crop, at a quarter of a PNG's bytes and a fifth of its
     * encoding time (measured: 480 KB and 45 ms against 1.45 MB and 220 ms for a phone photo's page).
     */
    private static final int JPEG_QUALITY = 90;

    private final FormDefinition form;
    private final PageNormalizer normalizer;
    private final LayoutFinder layoutFinder;
    private final HeaderParser headerParser;
    private final Reconciler reconciler;
    private final SignatureReader signatures = new SignatureReader();
    private final Supplier<OcrToolkit> toolkitFactory;
    private final ThreadLocal<OcrToolkit> toolkits = new ThreadLocal<>();
    private final List<OcrToolkit> opened = Collections.synchronizedList(new ArrayList<>());

    public PageRecognizer(FormDefinition form, PageNormalizer normalizer, LayoutFinder layoutFinder,
                          Reconciler reconciler, Supplier<OcrToolkit> toolkitFactory) {
        this.form = form;
        this.normalizer = normalizer;
        this.layoutFinder = layoutFinder;
        this.headerParser = new HeaderParser(form);
        this.reconciler = reconciler;
        this.toolkitFactory = toolkitFactory;
    }

    public PageOutcome recognize(int pageNo, Mat picture) {
        Reading reading = read(picture);
        if (reading.rejection() != null) {
            return PageOutcome.rejected(pageNo, reading.rejection());
        }
        if (!reading.page().sides().isEmpty()) {
            return PageOutcome.side(pageNo, reading.page(), reading.pageImage(), reading.turn());
        }
        return PageOutcome.read(pageNo, StageClock.time(Stage.RECONCILE, () -> reconciler.reconcile(reading.page())),
                reading.pageImage(), reading.turn());
    }

    /**
     * The readings of a page before reconciling, with the normalized page as JPEG, or why there are none.
     *
     * @param turn how the picture was turned to be read
     */
    public record Reading(PageReading page, byte[] pageImage, Rejection rejection, PageTurn turn) {

        Reading(PageReading page, byte[] pageImage, Rejection rejection) {
            this(page, pageImage, rejection, PageTurn.NONE);
        }

        Reading turned(PageTurn by) {
            return new Reading(page, pageImage, rejection, by);
        }
    }

    /**
     * Reads the page the right way up. The picture as it came is believed when a third of its
     * fields read alike in digits and words (every protocol of the generated sets has five or
     * more). Otherwise each turn is tried, and the first that passes the same bar is kept. When
     * none does (a seal, a crease and joined digits can leave fewer fields agreeing), the way up
     * with the most agreeing fields is kept, if any agree at all; upside down, the rulings still
     * fit the form, but no reader agrees on the ink in any zone. Otherwise the picture as it came
     * stands, read or rejected, so that a turn never makes a protocol out of a picture that is none.
     */
    public Reading read(Mat picture) {
        Reading asIs = readAsIs(picture);
        if (rightWayUp(asIs)) {
            return asIs;
        }
        Reading best = asIs;
        for (PageTurn turn : List.of(PageTurn.HALF, PageTurn.CLOCKWISE, PageTurn.COUNTERCLOCKWISE)) {
            Mat turned = PageTurns.apply(turn, picture);
            try {
                Reading r = readAsIs(turned).turned(turn);
                if (rightWayUp(r)) {
                    return r;
                }
                if (r.rejection() == null && agreeing(r.page()) > (best.rejection() == null ? agreeing(best.page()) : 0)) {
                    best = r;
                }
            } finally {
                Mats.release(turned);
            }
        }
        return best;
    }

    private boolean rightWayUp(Reading r) {
        return r.rejection() == null && agreeing(r.page()) * 3 >= onPage(r.page());
    }

    /** How many of the form's fields the page's sides hold. */
    private long onPage(PageReading page) {
        return form.fields().stream().filter(f -> page.covers(form.layout().sideOf(f.key()))).count();
    }

    private static long agreeing(PageReading page) {
        return page.fields().values().stream()
                .filter(f -> !f.digits().isEmpty() && !f.words().isEmpty() && f.digits().get(0).value() == f.words().get(0).value())
                .count();
    }

    private Reading readAsIs(Mat picture) {
        Mat page;
        try {
            page = StageClock.time(Stage.NORMALIZE, () -> normalizer.normalize(picture).image());
        } catch (PageNotFoundException e) {
            return new Reading(null, null, Rejection.of(RejectionCode.UNREADABLE));
        }
        try {
            return readNormalized(page, toolkit());
        } finally {
            Mats.release(page);
        }
    }

    /** The readings of a normalized page. */
    private Reading readNormalized(Mat page, OcrToolkit ocr) {
        Layout layout;
        try {
            layout = StageClock.time(Stage.LAYOUT, () -> layoutFinder.find(page, form, ocr.labels()));
        } catch (NotAProtocolException e) {
            return new Reading(null, null, Rejection.of(RejectionCode.NOT_A_PROTOCOL));
        }
        Mat headerZone = page.submat(layout.header());
        try {
            OcrBlock headerBlock = StageClock.time(Stage.HEADER, () -> ocr.tesseract().readBlock(headerZone, "rus+kaz"));
            HeaderReading header = headerParser.parse(headerBlock.text());
            // A later side alone is headed by its running head, which repeats the precinct number but not the address.
            boolean headed = layout.sides().contains(1);
            Map<String, String> runningHead = headed ? null : form.layout().sides().get(layout.sides().get(0) - 1).head();
            Map<String, FieldReading> fields = new LinkedHashMap<>();
            int readable = 0;
            for (FieldDef field : form.fields()) {
                FieldZones zones = layout.fields().get(field.key());
                if (zones == null) {
                    // Its rulings were not found (torn, folded, covered): the field is left for a person.
                    fields.put(field.key(), new FieldReading(field.key(), List.of(), List.of(), "", "", null));
                    continue;
                }
                Mat digitsZone = page.submat(zones.digits()), wordsZone = page.submat(zones.words());
                DigitsZoneReader.Reading digits;
                WordsZoneReader.Reading words;
                try {
                    digits = StageClock.time(Stage.DIGITS, () -> ocr.digits().read(digitsZone));
                    words = StageClock.time(Stage.WORDS, () -> ocr.words().read(wordsZone, header.lang()));
                } finally {
                    Mats.release(digitsZone, wordsZone);
                }
                if (!digits.candidates().isEmpty() || !words.candidates().isEmpty()) {
                    readable++;
                }
                fields.put(field.key(), new FieldReading(field.key(), digits.candidates(), words.candidates(),
                        digits.text(), words.text(), box(zones.box()),
                        WordsCheck.of(words.evidence(), digits.candidates(), words.candidates(), form.maxValue()), zones.anchored()));
            }
            if (readable == 0) {
                return new Reading(null, null, Rejection.of(RejectionCode.UNREADABLE));
            }
            List<PrecinctLook> precinct = StageClock.time(Stage.PRECINCT, () -> headed
                    ? ocr.precinct().read(headerZone, headerBlock, header.lang())
                    : ocr.precinct().read(headerZone, headerBlock, header.lang(), runningHead.get(header.lang().code())).stream()
                    .map(l -> new PrecinctLook(PrecinctLook.Origin.RUNNING_HEAD, l.reader(), l.value(), l.confidence(),
                            l.anchored(), l.clear())).toList());
            int signatureSide = form.layout().signatureSide();
            List<Boolean> signed = signatureSide > 0 && layout.sides().contains(signatureSide)
                    ? StageClock.time(Stage.SIGNATURES, () -> layout.signatures().stream().map(zone -> signatures.signed(page, zone)).toList())
                    : null;
            List<Integer> sides = layout.sides().size() == form.layout().sides().size() ? List.of() : layout.sides();
            return new Reading(new PageReading(header.lang().code(), precinct, headed ? header.address() : null, fields,
                    sides, signed, signatureBlock(layout.signatures(), page.cols())),
                    StageClock.time(Stage.ENCODE, () -> jpeg(page)), null);
        } finally {
            Mats.release(headerZone);
        }
    }

    /** The signature lines with the roles printed left of them and the names right of them. */
    private static Box signatureBlock(List<Rect> lines, int pageWidth) {
        if (lines.isEmpty()) {
            return null;
        }
        int top = lines.stream().mapToInt(r -> r.y).min().orElseThrow();
        int bottom = lines.stream().mapToInt(r -> r.y + r.height).max().orElseThrow();
        int left = (int) (0.05 * pageWidth);
        return new Box(left, top, (int) (0.95 * pageWidth) - left, bottom - top);
    }

    /**
     * The page a reviewer looks at. Encoded here, in memory, because the field boxes are only true on this very
     * picture.
     */
    private static byte[] jpeg(Mat page) {
        MatOfByte out = new MatOfByte();
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
        try {
            if (!Imgcodecs.imencode(".jpg", page, out, params)) {
                throw new IllegalStateException("cannot encode the normalized page as JPEG");
            }
            return out.toArray();
        } finally {
            Mats.release(out, params);
        }
    }

    private static Box box(Rect r) {
        return new Box(r.x, r.y, r.width, r.height);
    }

    private OcrToolkit toolkit() {
        OcrToolkit t = toolkits.get();
        if (t == null) {
            t = toolkitFactory.get();
            toolkits.set(t);
            opened.add(t);
        }
        return t;
    }

    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(OcrToolkit::close);
            opened.clear();
        }
    }
}
