package kz.hattama.ocr;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.Lang;
import kz.hattama.protocol.NumberCandidate;
import kz.hattama.protocol.PrecinctLook.Origin;
import kz.hattama.protocol.PrecinctLook;
import kz.hattama.ingest.Mats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the precinct number of a header several times, independently, so that a misreading shows as disagreement:
 * <ul>
 *   <li>{@code header-text}: the header as Tesseract read it in one block, the figure the form's words surround;</li>
 *   <li>{@code header-line}: that printed line alone, read again at twice its size;</li>
 *   <li>{@code number-tesseract}: the place between the form's words, read by Tesseract as digits only, at one and a half times its size;</li>
 *   <li>{@code number-model}: the same place read by the digits recogniser, which also reads a number written by hand.</li>
 * </ul>
 * The two last looks cut the place from the words around the number, not from the figure Tesseract saw, so a digit
 * it dropped or a seal over the figure is still in their crop. Not thread-safe: one per worker thread.
 */
public final class PrecinctReader {

    static final String BLOCK = "header-text";
    static final String LINE = "header-line";
    static final String NUMBER_TESSERACT = "number-tesseract";
    static final String NUMBER_MODEL = "number-model";

    /** Tesseract's confidences run high: a lone reading at 99 is still wrong now and then. */
    private static final double MAX_TESSERACT = 0.97;
    /** The printed line is read at twice its size, where thin digits stop touching. */
    private static final double LINE_SCALE = 2.0;
    /**
     * The number alone is read at one and a half times its size: Tesseract's digits drift with the scale (a 5 read as
     * 9 at twice the size, a first digit lost at the size printed), and this one read every dev-set number right.
     */
    private static final double NUMBER_SCALE = 1.5;

    /** How much darker than the paper a pixel must be to count as ink. */
    private static final int INK_CONTRAST = 40;
    /**
     * Most inked share of the number's place, outside the figure, for the place to count as clear. Clean scans and
     * photos of the dev set and a tuning set leave at most 0.06 (a blurred photo's halo); a digit hidden under a stain
     * Tesseract left out of the figure covers about a third of the place.
     */
    static final double MAX_STAIN = 0.15;

    private final FormDefinition form;
    private final TesseractOcr tesseract;
    private final DigitsZoneReader model;

    public PrecinctReader(FormDefinition form, TesseractOcr tesseract, DigitsZoneReader model) {
        this.form = form;
        this.tesseract = tesseract;
        this.model = model;
    }

    /** The looks at the header's number, every look present (a look that found nothing has a null value). */
    public List<PrecinctLook> read(Mat header, OcrBlock block, Lang lang) {
        return read(header, block, lang, PrecinctPattern.of(form, lang));
    }

    /** The same for a number printed in other words, as a later side's running head prints it. */
    public List<PrecinctLook> read(Mat header, OcrBlock block, Lang lang, String pattern) {
        return read(header, block, lang, pattern == null ? PrecinctPattern.of(form, lang) : new PrecinctPattern(pattern));
    }

    private List<PrecinctLook> read(Mat header, OcrBlock block, Lang lang, PrecinctPattern pattern) {
        Optional<Found> found = locate(block, pattern);
        if (found.isEmpty()) {
            return List.of(nothing(BLOCK), nothing(LINE), nothing(NUMBER_TESSERACT), nothing(NUMBER_MODEL));
        }
        Found f = found.get();
        OcrBlock.Word number = f.line().get(f.match().word());
        double wordConfidence = number.symbolConfidences().stream().mapToDouble(Float::doubleValue)
                .min().orElse(number.confidence());
        Rect place = place(header, f.line(), f.match().word());
        boolean clear = stain(header, place, number) <= MAX_STAIN;
        List<PrecinctLook> looks = new ArrayList<>();
        looks.add(new PrecinctLook(Origin.HEADER, BLOCK, f.match().number(),
                Math.min(MAX_TESSERACT, Math.min(number.confidence(), wordConfidence) / 100.0), f.match().anchored(),
                clear));
        looks.add(lineLook(header, f.line(), pattern, lang, clear));
        Mat crop = header.submat(place);
        try {
            looks.add(tesseractLook(crop, f.match().anchored(), clear));
            looks.add(digitsLook(NUMBER_MODEL, model.read(crop), f.match().anchored(), clear));
        } finally {
            Mats.release(crop);
        }
        return looks;
    }

    private record Found(List<OcrBlock.Word> line, PrecinctPattern.Match match) {
    }

    /** The line whose figure the form's words surround best; the first such line on a tie. */
    private static Optional<Found> locate(OcrBlock block, PrecinctPattern pattern) {
        Map<Integer, List<OcrBlock.Word>> lines = new TreeMap<>();
        block.words().forEach(w -> lines.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w));
        Found best = null;
        for (List<OcrBlock.Word> line : lines.values()) {
            Optional<PrecinctPattern.Match> m = pattern.find(line.stream().map(OcrBlock.Word::text).toList());
            if (m.isPresent() && (best == null || m.get().matched() > best.match().matched())) {
                best = new Found(line, m.get());
            }
        }
        return Optional.ofNullable(best);
    }

    /** The printed line alone, enlarged, read again and matched against the form's words again. */
    private PrecinctLook lineLook(Mat header, List<OcrBlock.Word> line, PrecinctPattern pattern, Lang lang,
                                  boolean clear) {
        int pad = line.stream().mapToInt(OcrBlock.Word::height).min().orElse(10) / 4;
        int x0 = line.stream().mapToInt(OcrBlock.Word::x).min().orElse(0) - pad;
        int y0 = line.stream().mapToInt(OcrBlock.Word::y).min().orElse(0) - pad;
        int x1 = line.stream().mapToInt(OcrBlock.Word::right).max().orElse(0) + pad;
        int y1 = line.stream().mapToInt(w -> w.y() + w.height()).max().orElse(0) + pad;
        Mat crop = header.submat(clamp(header, x0, y0, x1, y1));
        Mat big = new Mat();
        try {
            Imgproc.resize(crop, big, new Size(), LINE_SCALE, LINE_SCALE, Imgproc.INTER_CUBIC);
            OcrLine read = tesseract.read(big, OcrMode.WORDS, lang == Lang.KK ? "kaz+rus" : "rus");
            return pattern.find(List.of(read.text().split("\\s+")))
                    .map(m -> new PrecinctLook(Origin.HEADER, LINE, m.number(),
                            Math.min(MAX_TESSERACT, read.confidence() / 100.0), m.anchored(), clear))
                    .orElse(nothing(LINE));
        } finally {
            Mats.release(crop, big);
        }
    }

    /**
     * Where the number is printed: from just before the figure Tesseract saw (not past the word before it) to half the
     * line's height after it (not past the word after it), a quarter of its height above and below. A sign read into
     * the number's word is left out.
     */
    private static Rect place(Mat header, List<OcrBlock.Word> line, int index) {
        OcrBlock.Word w = line.get(index);
        int h = w.height();
        // Tesseract's box of «№» leaves out its small o, which a reader takes for a 1: the place starts just before
        // the figure, an eighth of the line's height.
        int left = Math.max(index > 0 ? line.get(index - 1).right() + 1 : 0, w.x() - h / 8);
        String text = w.text();
        int digitsFrom = 0;
        while (digitsFrom < text.length() && !Character.isDigit(text.charAt(digitsFrom))) {
            digitsFrom++;
        }
        if (digitsFrom > 0 && digitsFrom < text.length()) {
            left = Math.max(left, w.x() + w.width() * digitsFrom / text.length());
        }
        int right = Math.min(index + 1 < line.size() ? line.get(index + 1).x() - 1 : Integer.MAX_VALUE, w.right() + h / 2);
        return clamp(header, left, w.y() - h / 4, right, w.y() + h + h / 4);
    }

    /**
     * The share of the number's place, outside the figure Tesseract read, that is inked: darker than the place's paper
     * by {@link #INK_CONTRAST}. Printed alone, a number leaves its place blank around it.
     */
    static double stain(Mat header, Rect place, OcrBlock.Word figure) {
        Mat crop = header.submat(place);
        int rows = crop.rows(), cols = crop.cols();
        byte[] px = new byte[(int) crop.total()];
        Mat continuous = crop.isContinuous() ? crop : crop.clone();
        try {
            continuous.get(0, 0, px);
        } finally {
            Mats.release(crop, continuous);
        }
        int[] sorted = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            sorted[i] = px[i] & 0xff;
        }
        java.util.Arrays.sort(sorted);
        int paper = sorted[(int) (0.8 * (sorted.length - 1))];
        int x0 = figure.x() - 2 - place.x, x1 = figure.right() + 2 - place.x;
        int y0 = figure.y() - 2 - place.y, y1 = figure.y() + figure.height() + 2 - place.y;
        int outside = 0, inked = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                if (x >= x0 && x < x1 && y >= y0 && y < y1) {
                    continue;
                }
                outside++;
                inked += (px[y * cols + x] & 0xff) < paper - INK_CONTRAST ? 1 : 0;
            }
        }
        return outside == 0 ? 0 : (double) inked / outside;
    }

    private static Rect clamp(Mat m, int x0, int y0, int x1, int y1) {
        int left = Math.max(0, Math.min(x0, m.cols() - 1));
        int top = Math.max(0, Math.min(y0, m.rows() - 1));
        int right = Math.max(left + 1, Math.min(x1, m.cols()));
        int bottom = Math.max(top + 1, Math.min(y1, m.rows()));
        return new Rect(left, top, right - left, bottom - top);
    }

    /**
     * The place read by Tesseract as digits only, enlarged and set on a margin of paper as Tesseract likes a line: the
     * figure's own characters' confidences, not the line's.
     */
    private PrecinctLook tesseractLook(Mat crop, boolean anchored, boolean clear) {
        Mat big = new Mat();
        Mat framed = new Mat();
        try {
            Imgproc.resize(crop, big, new Size(), NUMBER_SCALE, NUMBER_SCALE, Imgproc.INTER_CUBIC);
            int margin = big.rows() / 2;
            double paper = Core.minMaxLoc(big).maxVal;
            Core.copyMakeBorder(big, framed, margin, margin, margin, margin, Core.BORDER_CONSTANT, new Scalar(paper));
            OcrLine read = tesseract.read(framed, OcrMode.DIGITS, "eng");
            String digits = read.text().replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", "");
            if (digits.isEmpty()) {
                return nothing(NUMBER_TESSERACT);
            }
            double confidence = read.symbols().stream().mapToDouble(s -> s.get(0).confidence()).min().orElse(read.confidence());
            return new PrecinctLook(Origin.HEADER, NUMBER_TESSERACT, digits, Math.min(MAX_TESSERACT, confidence / 100.0),
                    anchored, clear);
        } finally {
            Mats.release(big, framed);
        }
    }

    private static PrecinctLook digitsLook(String reader, DigitsZoneReader.Reading reading, boolean anchored,
                                           boolean clear) {
        return reading.candidates().stream().max(Comparator.comparingDouble(NumberCandidate::probability))
                .filter(c -> c.value() > 0)
                .map(c -> new PrecinctLook(Origin.HEADER, reader, Integer.toString(c.value()), c.probability(), anchored,
                        clear))
                .orElse(nothing(reader));
    }

    private static PrecinctLook nothing(String reader) {
        return PrecinctLook.nothing(Origin.HEADER, reader);
    }
}
