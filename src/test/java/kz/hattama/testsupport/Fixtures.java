package kz.hattama.testsupport;

import kz.hattama.form.FormDefinition;
import kz.hattama.form.FormLoader;
import kz.hattama.image.OpenCv;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Pictures under {@code src/test/resources/fixtures/}, decoded the way uploads are. */
public final class Fixtures {

    /** Generated protocols (generator seed 9090), named by what they cover. */
    public static final List<String> PHOTOS = List.of(
            "photo-handwritten-ru.jpg", "photo-handwritten-kk-rotated.jpg",
            "photo-typed-ru-shadow.jpg", "photo-typed-kk-cut.jpg");
    public static final List<String> SCANS = List.of("scan-typed-ru.png", "scan-handwritten-ru-rotated.png");

    private Fixtures() {
    }

    public static List<String> all() {
        return java.util.stream.Stream.concat(PHOTOS.stream(), SCANS.stream()).toList();
    }

    public static Mat read(String name) {
        OpenCv.load();
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return Imgcodecs.imdecode(new MatOfByte(in.readAllBytes()), Imgcodecs.IMREAD_COLOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FormDefinition form() {
        return FormLoader.load(Path.of("batch-config/form-mazhilis-2021-pec.json"));
    }
}
