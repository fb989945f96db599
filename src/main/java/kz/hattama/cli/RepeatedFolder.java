package kz.hattama.cli;

import org.springframework.util.FileSystemUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder's files fed {@code n} times for {@code benchmark --repeat}: copy {@code k} of {@code name} is
 * {@code repeat-000k/name} in a temporary folder. The intake stores a file once by its SHA-256 and reports a second copy
 * as a duplicate, so each copy is made to differ in bytes while it reads the same: a PNG gets a {@code tEXt} chunk and
 * a JPEG a comment segment naming the copy (the pixels are untouched), a PDF or TIFF a comment line after its end,
 * where readers do not look. Any other file is copied as it is, so that from the second copy on it is a duplicate, as a
 * file sent again would be. The scorer matches records by base name, so each truth record is scored against one of
 * its copies, which all read alike.
 */
final class RepeatedFolder implements AutoCloseable {

    private final Path root;

    private RepeatedFolder(Path root) {
        this.root = root;
    }

    static RepeatedFolder of(Path folder, int times) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        RepeatedFolder out = new RepeatedFolder(Files.createTempDirectory("hattama-repeat-"));
        try {
            for (int k = 1; k <= times; k++) {
                Path dir = Files.createDirectories(out.root.resolve(String.format(Locale.ROOT, "repeat-%04d", k)));
                for (Path f : files) {
                    Files.write(dir.resolve(f.getFileName()), copy(f, "hattama benchmark repeat " + k));
                }
            }
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }

    Path root() {
        return root;
    }

    static byte[] copy(Path file, String mark) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return new LoadTestCommand.Sample(bytes, "png").unique(mark);
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return new LoadTestCommand.Sample(bytes, "jpg").unique(mark);
        }
        if (n.endsWith(".pdf") || n.endsWith(".tif") || n.endsWith(".tiff")) {
            // PDF readers find the cross-reference table from the last %%EOF, a few bytes before the end; a TIFF is read
            // by the offsets in its header. A comment line after the end is what an incremental save leaves too.
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
            out.writeBytes(bytes);
            out.writeBytes(("\n%" + mark + "\n").getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        FileSystemUtils.deleteRecursively(root);
    }
}
