package kz.hattama.tools;

import kz.hattama.form.FieldDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.form.Lang;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.ingest.FileTypes;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.ocr.OcrMode;
import kz.hattama.ocr.TesseractDigitsReader;
import kz.hattama.ocr.TesseractOcr;
import kz.hattama.ocr.TesseractWordsReader;
import org.opencv.core.Mat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Times each stage on the given files, single-threaded. Usage: StageTimingMain FILE... */
public final class StageTimingMain {

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        FormDefinition form = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));
        TesseractOcr ocr = new TesseractOcr(Path.of("tessdata"));
        TesseractDigitsReader digits = new TesseractDigitsReader(ocr, form.maxDigits());
        TesseractWordsReader words = new TesseractWordsReader(ocr);
        kz.hattama.ocr.ModelDigitsReader modelDigits = new kz.hattama.ocr.ModelDigitsReader(new kz.hattama.ocr.DigitReader(), form.maxDigits());
        kz.hattama.ocr.ModelWordsReader modelWords = new kz.hattama.ocr.ModelWordsReader(new kz.hattama.ocr.WordsReader());
        long[] t = new long[8];
        for (int round = 0; round < 2; round++) {
            java.util.Arrays.fill(t, 0);
            for (String a : args) {
                long t0 = System.nanoTime();
                byte[] bytes = Files.readAllBytes(Path.of(a));
                Mat picture = new PageDecoder(200, 1, 600).decode(bytes, FileTypes.detect(bytes, a)).pages().get(0);
                long t1 = System.nanoTime();
                Mat page = new PageNormalizer().normalize(picture).image();
                long t2 = System.nanoTime();
                Layout layout = new LayoutFinder().find(page, form);
                long t3 = System.nanoTime();
                ocr.read(page.submat(layout.header()), OcrMode.BLOCK, "rus+kaz");
                long t4 = System.nanoTime();
                long td = 0;
                long tw = 0;
                for (FieldDef f : form.fields()) {
                    long a0 = System.nanoTime();
                    digits.read(page.submat(layout.fields().get(f.key()).digits()));
                    long a1 = System.nanoTime();
                    words.read(page.submat(layout.fields().get(f.key()).words()), Lang.RU);
                    long a2 = System.nanoTime();
                    modelDigits.read(page.submat(layout.fields().get(f.key()).digits()));
                    long a3 = System.nanoTime();
                    modelWords.read(page.submat(layout.fields().get(f.key()).words()), Lang.RU);
                    td += a1 - a0;
                    tw += a2 - a1;
                    t[6] += a3 - a2;
                    t[7] += System.nanoTime() - a3;
                }
                t[0] += t1 - t0;
                t[1] += t2 - t1;
                t[2] += t3 - t2;
                t[3] += t4 - t3;
                t[4] += td;
                t[5] += tw;
            }
            String[] names = {"decode", "normalize", "layout", "header", "tess-digits", "tess-words", "model-digits", "model-words"};
            StringBuilder sb = new StringBuilder("round " + round + " ms/page:");
            for (int i = 0; i < 8; i++) {
                sb.append(' ').append(names[i]).append('=').append(t[i] / 1_000_000 / args.length);
            }
            System.out.println(sb);
        }
        ocr.close();
    }
}
