package kz.hattama.tools;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.image.NormalizedPage;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.layout.LayoutOverlay;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Normalizes pictures, finds their layout, writes each page with its zones drawn (≈1000 px tall)
 * and prints what {@link LayoutChecks} thinks of it.
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) kz.hattama.tools.LayoutDebugMain OUT_DIR FILE|DIR...
 * </pre>
 */
public final class LayoutDebugMain {

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        FormDefinition form = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));
        PageNormalizer normalizer = new PageNormalizer();
        LayoutFinder finder = new LayoutFinder();
        int complete = 0, total = 0;
        long normMs = 0, layoutMs = 0;
        for (Path f : NormalizeDebugMain.inputs(args)) {
            total++;
            Mat pic = DevImages.read(f);
            long t0 = System.nanoTime();
            try {
                NormalizedPage page = normalizer.normalize(pic);
                long t1 = System.nanoTime();
                Layout layout = finder.find(page.image(), form);
                long t2 = System.nanoTime();
                normMs += (t1 - t0) / 1_000_000;
                layoutMs += (t2 - t1) / 1_000_000;
                List<String> problems = LayoutChecks.problems(layout, form, page.image());
                if (problems.isEmpty()) {
                    complete++;
                }
                System.out.printf("%-16s skew=%5.2f outline=%-5s %3d+%3d ms %s%n", f.getFileName(), page.skewDegrees(),
                        page.perspectiveCorrected(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                        problems.isEmpty() ? "OK" : problems);
                if (System.getProperty("crops") != null) {
                    Imgcodecs.imwrite(out.resolve(f.getFileName() + ".crops.png").toString(), cropSheet(page.image(), layout));
                }
                Mat drawn = LayoutOverlay.draw(page.image(), layout);
                double s = 1000.0 / drawn.rows();
                Imgproc.resize(drawn, drawn, new Size(), s, s, Imgproc.INTER_AREA);
                Imgcodecs.imwrite(out.resolve(f.getFileName() + ".png").toString(), drawn);
            } catch (RuntimeException e) {
                System.out.printf("%-16s FAILED %s%n", f.getFileName(), e);
            }
        }
        System.out.printf("%d of %d pages complete; mean normalize %d ms, layout %d ms%n", complete, total,
                normMs / Math.max(1, total), layoutMs / Math.max(1, total));
    }

    /** Every field's digits and words crops side by side, one field a row, to see what a reader gets. */
    static Mat cropSheet(Mat page, Layout layout) {
        List<Mat> rows = new java.util.ArrayList<>();
        int width = 0;
        for (var z : layout.fields().values()) {
            Mat d = page.submat(z.digits()), w = page.submat(z.words());
            int h = Math.max(d.rows(), w.rows());
            Mat row = new Mat(h + 6, d.cols() + w.cols() + 12, page.type(), new org.opencv.core.Scalar(128));
            d.copyTo(row.submat(0, d.rows(), 0, d.cols()));
            w.copyTo(row.submat(0, w.rows(), d.cols() + 12, d.cols() + 12 + w.cols()));
            rows.add(row);
            width = Math.max(width, row.cols());
        }
        for (int i = 0; i < rows.size(); i++) {
            Mat r = rows.get(i);
            Mat padded = new Mat(r.rows(), width, r.type(), new org.opencv.core.Scalar(128));
            r.copyTo(padded.submat(0, r.rows(), 0, r.cols()));
            rows.set(i, padded);
        }
        Mat sheet = new Mat();
        org.opencv.core.Core.vconcat(rows, sheet);
        return sheet;
    }
}
