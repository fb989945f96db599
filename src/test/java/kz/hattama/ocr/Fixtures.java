package kz.hattama.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

final class Fixtures {

    private Fixtures() {
    }

    /** The crops of a fixtures folder (not the *.pre.png expectations), sorted by name. */
    static List<Path> crops(String folder) throws IOException, URISyntaxException {
        URL u = Fixtures.class.getResource("/fixtures/" + folder);
        if (u == null) {
            throw new IllegalStateException("no fixtures/" + folder);
        }
        try (Stream<Path> s = Files.list(Path.of(u.toURI()))) {
            return s.filter(p -> p.toString().endsWith(".png") && !p.toString().endsWith(".pre.png")).sorted().toList();
        }
    }

    static Mat grey(Path p) throws IOException {
        kz.hattama.image.OpenCv.load();
        try (InputStream in = Files.newInputStream(p)) {
            return Imgcodecs.imdecode(new MatOfByte(in.readAllBytes()), Imgcodecs.IMREAD_GRAYSCALE);
        }
    }

    /** "hand-2147-s3.png" -> "2147", "hard-hand-2-s2.png" -> "2". */
    static String truth(Path p) {
        String n = p.getFileName().toString();
        return n.split("-")[hard(p) ? 2 : 1].replace(".png", "");
    }

    /** Crops even a person squints at: the truth need only be among the first candidates. */
    static boolean hard(Path p) {
        return p.getFileName().toString().startsWith("hard-");
    }
}
