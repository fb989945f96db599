package kz.hattama.tools;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.ingest.FileTypes;
import kz.hattama.ingest.PageDecoder;
import kz.hattama.layout.FieldZones;
import kz.hattama.layout.Layout;
import kz.hattama.layout.LayoutFinder;
import kz.hattama.ocr.ZoneCleaner;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a field's raw and cleaned zones as PNGs, to look at what the readers get. Usage: FILE FIELD OUTDIR */
public final class ZoneDumpMain {

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        Path file = Path.of(args[0]);
        byte[] bytes = Files.readAllBytes(file);
        Mat picture = new PageDecoder(200, 1, 600).decode(bytes, FileTypes.detect(bytes, file.toString())).pages().get(0);
        Mat page = new PageNormalizer().normalize(picture).image();
        FormDefinition form = FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));
        Layout layout = new LayoutFinder().find(page, form);
        FieldZones z = layout.fields().get(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        Imgcodecs.imwrite(out.resolve("digits-raw.png").toString(), page.submat(z.digits()));
        Imgcodecs.imwrite(out.resolve("words-raw.png").toString(), page.submat(z.words()));
        ZoneCleaner.Cleaned d = ZoneCleaner.clean(page.submat(z.digits()));
        ZoneCleaner.Cleaned w = ZoneCleaner.clean(page.submat(z.words()));
        if (!d.isBlank()) {
            Imgcodecs.imwrite(out.resolve("digits-clean.png").toString(), d.image());
        }
        if (!w.isBlank()) {
            Imgcodecs.imwrite(out.resolve("words-clean.png").toString(), w.image());
        }
        System.out.println("digits zone " + z.digits() + " words zone " + z.words());
    }
}
