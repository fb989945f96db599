package kz.hattama.tools;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.ocr.TesseractLabelReader;
import kz.hattama.ocr.TesseractOcr;
import org.opencv.core.Mat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * Prints what the layout's label reader reads on each page, which fields it anchored, and the CPU
 * time the labels took. Usage: LabelProbeMain - FILE|DIR...
 */
public final class LabelProbeMain {
    public static void main(String[] args) throws Exception {
        OpenCv.load();
        FormDefinition form = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));
        TesseractLabelReader reader = new TesseractLabelReader(new TesseractOcr(Path.of("tessdata")));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[1];
        int[] calls = new int[1];
        for (Path f : NormalizeDebugMain.inputs(args)) {
            Mat page = new PageNormalizer().normalize(DevImages.read(f)).image();
            StringBuilder texts = new StringBuilder();
            Layout layout = new LayoutFinder().find(page, form, new kz.hattama.layout.LabelReader() {
                @Override
                public String read(Mat band) {
                    return timed(false, band);
                }

                @Override
                public String reread(Mat band) {
                    return timed(true, band);
                }

                @Override
                public String readNumber(Mat cell) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    String t = reader.readNumber(cell);
                    cpu[0] += mx.getCurrentThreadCpuTime() - t0;
                    calls[0]++;
                    texts.append("   number «").append(t).append("»\n");
                    return t;
                }

                private String timed(boolean again, Mat band) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    String t = again ? reader.reread(band) : reader.read(band);
                    cpu[0] += mx.getCurrentThreadCpuTime() - t0;
                    calls[0]++;
                    texts.append(again ? "   again «" : "   «").append(t.replace('\n', '|')).append("»\n");
                    return t;
                }
            });
            System.out.println(f.getFileName() + " not anchored: " + layout.fields().entrySet().stream()
                    .filter(e -> !e.getValue().anchored()).map(e -> e.getKey()).toList());
            System.out.print(texts);
        }
        System.out.printf("label reading: %d bands, %.1f ms CPU each%n", calls[0], cpu[0] / 1e6 / Math.max(1, calls[0]));
    }
}
