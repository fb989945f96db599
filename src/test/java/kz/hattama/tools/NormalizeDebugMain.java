package kz.hattama.tools;

import kz.hattama.image.NormalizedPage;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Writes each picture's normalized page as a small PNG: {@code NormalizeDebugMain OUT_DIR FILE|DIR...}. */
public final class NormalizeDebugMain {

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        PageNormalizer normalizer = new PageNormalizer();
        for (Path f : inputs(args)) {
            long t0 = System.nanoTime();
            Mat pic = DevImages.read(f);
            long t1 = System.nanoTime();
            NormalizedPage page = normalizer.normalize(pic);
            long t2 = System.nanoTime();
            System.out.printf("%s %dx%d skew=%.2f quad=%s decode=%dms normalize=%dms%n", f.getFileName(),
                    page.image().cols(), page.image().rows(), page.skewDegrees(), page.perspectiveCorrected(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            Mat small = new Mat();
            Imgproc.resize(page.image(), small, new Size(), 0.4, 0.4, Imgproc.INTER_AREA);
            Imgcodecs.imwrite(out.resolve(f.getFileName() + ".png").toString(), small);
            if (System.getProperty("ink") != null) {
                // The ink mask the layout sees, at the contrast given: -Dink=20 (sharp) or -Dink=10 (faint).
                Mat ink = kz.hattama.layout.InkMask.of(page.image(), page.image().cols() / 1654.0,
                        Integer.parseInt(System.getProperty("ink")));
                Imgproc.resize(ink, ink, new Size(), 0.5, 0.5, Imgproc.INTER_AREA);
                Imgcodecs.imwrite(out.resolve(f.getFileName() + ".ink.png").toString(), ink);
            }
        }
    }

    static List<Path> inputs(String[] args) throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path p = Path.of(args[i]);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(x -> x.toString().matches(".*\\.(png|jpg|jpeg|pdf|tif|tiff)$")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }
}
