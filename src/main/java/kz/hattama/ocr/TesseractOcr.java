package kz.hattama.ocr;

import kz.hattama.ingest.Mats;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.tesseract.StringVector;
import org.bytedeco.tesseract.ChoiceIterator;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.tesseract.global.tesseract.OEM_LSTM_ONLY;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_BLOCK;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_SYMBOL;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;

/**
 * Tesseract handles for one worker thread. A handle is not thread-safe and initialising one costs
 * 50–70 ms, so each thread keeps its own, one per mode and language, for its whole life.
 */
public final class TesseractOcr implements AutoCloseable {

    private static final String DIGITS = "0123456789";

    private final Path tessdata;
    private final Map<OcrMode, Map<String, TessBaseAPI>> handles = new EnumMap<>(OcrMode.class);

    public TesseractOcr(Path tessdata) {
        this.tessdata = tessdata;
    }

    /**
     * Reads a grayscale zone. {@code languages} is a Tesseract language string such as "rus" or
     * "kaz"; for DIGITS it is ignored since digits are the same in every language.
     */
    public OcrLine read(Mat gray, OcrMode mode, String languages) {
        return recognize(gray, mode, mode == OcrMode.DIGITS ? "eng" : languages, OcrLine.EMPTY, api -> {
            String text = utf8(api.GetUTF8Text()).strip();
            List<List<SymbolChoice>> symbols = mode == OcrMode.BLOCK || mode == OcrMode.LABEL ? List.of() : symbols(api);
            return new OcrLine(text, text.isEmpty() ? 0 : api.MeanTextConf(), symbols);
        });
    }

    /**
     * Reads a grayscale block of printed lines (BLOCK mode) and keeps, besides the text, every word with its place,
     * its line and the confidence of each of its characters: a figure printed in the block (the precinct number) can
     * then be judged by its own characters, not by the block's mean, and cut out for another reader.
     */
    public OcrBlock readBlock(Mat gray, String languages) {
        return recognize(gray, OcrMode.BLOCK, languages, OcrBlock.EMPTY,
                api -> new OcrBlock(utf8(api.GetUTF8Text()).strip(), words(api)));
    }

    /** Narrower or lower than this, an image holds no character Tesseract can read. */
    private static final int MIN_SIDE = 4;

    /** Runs Tesseract on the image with the thread's handle for the mode, and hands the result to {@code result}. */
    private <T> T recognize(Mat gray, OcrMode mode, String languages, T empty,
                            java.util.function.Function<TessBaseAPI, T> result) {
        if (gray.empty() || gray.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("expected a non-empty 8-bit grayscale image");
        }
        if (gray.cols() < MIN_SIDE || gray.rows() < MIN_SIDE) {
            // Tesseract refuses it anyway ("Image too small to scale"); its LSTM is not handed a sliver at all.
            return empty;
        }
        TessBaseAPI api = handle(mode, languages);
        byte[] pixels = new byte[(int) gray.total()];
        Mat continuous = gray.isContinuous() ? gray : gray.clone();
        try {
            continuous.get(0, 0, pixels);
        } finally {
            Mats.release(continuous == gray ? null : continuous);
        }
        api.SetImage(pixels, gray.cols(), gray.rows(), 1, gray.cols());
        try {
            return api.Recognize(null) != 0 ? empty : result.apply(api);
        } finally {
            api.Clear();
        }
    }

    private static List<OcrBlock.Word> words(TessBaseAPI api) {
        List<OcrBlock.Word> out = new ArrayList<>();
        ResultIterator it = api.GetIterator();
        if (it == null) {
            return out;
        }
        try {
            it.Begin();
            int line = -1;
            WordBuilder word = null;
            do {
                if (it.IsAtBeginningOf(RIL_TEXTLINE)) {
                    line++;
                }
                if (it.IsAtBeginningOf(RIL_WORD)) {
                    if (word != null) {
                        word.addTo(out);
                    }
                    int[] l = new int[1], t = new int[1], r = new int[1], b = new int[1];
                    it.BoundingBox(RIL_WORD, l, t, r, b);
                    word = new WordBuilder(l[0], t[0], r[0] - l[0], b[0] - t[0], Math.max(line, 0), it.Confidence(RIL_WORD));
                }
                String symbol = utf8(it.GetUTF8Text(RIL_SYMBOL));
                if (symbol != null && !symbol.isBlank() && word != null) {
                    word.text.append(symbol);
                    word.symbols.add(it.Confidence(RIL_SYMBOL));
                }
            } while (it.Next(RIL_SYMBOL));
            if (word != null) {
                word.addTo(out);
            }
        } finally {
            // Tesseract made it; JavaCPP does not own it, so deallocate() would leave it allocated.
            TessResultIteratorDelete(it);
        }
        return out;
    }

    private static final class WordBuilder {
        final int x, y, width, height, line;
        final float confidence;
        final StringBuilder text = new StringBuilder();
        final List<Float> symbols = new ArrayList<>();

        WordBuilder(int x, int y, int width, int height, int line, float confidence) {
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
            this.line = line;
            this.confidence = confidence;
        }

        void addTo(List<OcrBlock.Word> out) {
            if (!text.isEmpty()) {
                out.add(new OcrBlock.Word(text.toString(), confidence, x, y, width, height, line, List.copyOf(symbols)));
            }
        }
    }

    private static List<List<SymbolChoice>> symbols(TessBaseAPI api) {
        List<List<SymbolChoice>> out = new ArrayList<>();
        ResultIterator it = api.GetIterator();
        if (it == null) {
            return out;
        }
        try {
            it.Begin();
            do {
                String best = utf8(it.GetUTF8Text(RIL_SYMBOL));
                if (best == null || best.isBlank()) {
                    continue;
                }
                List<SymbolChoice> alternatives = new ArrayList<>();
                alternatives.add(new SymbolChoice(best, it.Confidence(RIL_SYMBOL)));
                ChoiceIterator choices = new ChoiceIterator(it);
                try {
                    do {
                        // Tesseract's own string, not a copy: read, not freed.
                        BytePointer choice = choices.GetUTF8Text();
                        String alt = choice == null ? null : choice.getString(StandardCharsets.UTF_8);
                        if (alt != null && !alt.equals(best) && alternatives.stream().noneMatch(a -> a.text().equals(alt))) {
                            alternatives.add(new SymbolChoice(alt, choices.Confidence()));
                        }
                    } while (choices.Next());
                } finally {
                    choices.deallocate();
                }
                out.add(alternatives);
            } while (it.Next(RIL_SYMBOL));
        } finally {
            // Tesseract made it; JavaCPP does not own it, so deallocate() would leave it allocated.
            TessResultIteratorDelete(it);
        }
        return out;
    }

    private TessBaseAPI handle(OcrMode mode, String languages) {
        return handles.computeIfAbsent(mode, m -> new java.util.HashMap<>())
                .computeIfAbsent(languages, l -> open(mode, l));
    }

    /**
     * Tesseract loads its language data into process-wide structures; two threads initialising at
     * once is not something it promises to survive, and a crash there takes the whole job down.
     */
    private static final Object INIT = new Object();

    private TessBaseAPI open(OcrMode mode, String languages) {
        synchronized (INIT) {
            return openLocked(mode, languages);
        }
    }

    private TessBaseAPI openLocked(OcrMode mode, String languages) {
        TessBaseAPI api = new TessBaseAPI();
        // Tesseract's dictionaries would pull a mis-seen figure towards a frequent word; the numerals
        // stage does that job with the grammar of numbers instead. They can only be set at Init.
        StringVector names = new StringVector("load_system_dawg", "load_freq_dawg");
        StringVector values = new StringVector("0", "0");
        BytePointer path = new BytePointer(tessdata.toString()), language = new BytePointer(languages);
        int rc;
        try {
            rc = api.Init(path, language, OEM_LSTM_ONLY, (PointerPointer<?>) null, 0, names, values, false);
        } finally {
            // JavaCPP frees what it allocated once the Java object is collected: not before Init has returned.
            names.close();
            values.close();
            path.close();
            language.close();
        }
        if (rc != 0) {
            api.close();
            throw new IllegalStateException("Tesseract cannot load language data '" + languages + "' from " + tessdata
                    + " (set HATTAMA_TESSDATA to the folder holding " + languages + ".traineddata)");
        }
        api.SetPageSegMode(mode == OcrMode.BLOCK ? PSM_SINGLE_BLOCK : PSM_SINGLE_LINE);
        if (mode == OcrMode.DIGITS) {
            api.SetVariable("tessedit_char_whitelist", DIGITS);
        }
        if (mode == OcrMode.DIGITS || mode == OcrMode.WORDS) {
            api.SetVariable("lstm_choice_mode", "2");
        }
        return api;
    }

    /** A text Tesseract made (new[]), as a String; the text is freed with Tesseract's own function. */
    private static String utf8(BytePointer p) {
        if (p == null) {
            return null;
        }
        try {
            return p.getString(StandardCharsets.UTF_8);
        } finally {
            // JavaCPP does not own a returned char*: deallocate() would do nothing, and free() would not match new[].
            TessDeleteText(p);
        }
    }

    @Override
    public void close() {
        handles.values().forEach(m -> m.values().forEach(api -> {
            api.End();
            api.close();
        }));
        handles.clear();
    }
}
