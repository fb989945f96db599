package kz.hattama.cli;

import kz.hattama.protocol.Hashes;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code benchmark --repeat}: every copy of a scan differs in bytes from the others (the intake would take a second
 * copy for a duplicate), and reads as the original: the same pixels, the same PDF page.
 */
class RepeatedFolderTest {

    @Test
    void everyCopyHasItsOwnHashAndTheOriginalsPicture() throws IOException {
        Path samples = Path.of("sample-scans");
        Path root;
        try (RepeatedFolder copies = RepeatedFolder.of(samples, 3)) {
            root = copies.root();
            List<Path> written;
            try (Stream<Path> walk = Files.walk(copies.root())) {
                written = walk.filter(Files::isRegularFile).sorted().toList();
            }
            long originals;
            try (Stream<Path> list = Files.list(samples)) {
                originals = list.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")).count();
            }
            assertThat(written).hasSize((int) (3 * originals));
            assertThat(copies.root().resolve("repeat-0002/p2021-000.png")).exists();
            Set<String> hashes = new HashSet<>();
            for (Path copy : written) {
                byte[] bytes = Files.readAllBytes(copy);
                assertThat(hashes.add(Hashes.sha256(bytes))).as(copy.toString()).isTrue();
                Path original = samples.resolve(copy.getFileName());
                String name = copy.getFileName().toString();
                if (name.endsWith(".pdf")) {
                    assertThat(pdfPage(bytes)).isEqualTo(pdfPage(Files.readAllBytes(original)));
                } else {
                    assertThat(pixels(bytes)).as(name).isEqualTo(pixels(Files.readAllBytes(original)));
                }
            }
        }
        assertThat(root).as("the copies go with the run").doesNotExist();
    }

    private static int[] pixels(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int[] pdfPage(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 30);
            return page.getRGB(0, 0, page.getWidth(), page.getHeight(), null, 0, page.getWidth());
        }
    }
}
