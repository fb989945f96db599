package kz.hattama.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The one way Hattama hands out files someone may have to prove untouched (the dataset, an evidence bundle): a
 * {@code SHA256SUMS} listing each file's SHA-256 as {@code sha256sum -c} checks it, and a zip that appears whole or not
 * at all.
 */
public final class ChecksummedZip {

    /** The name of the checksum file, beside the files it lists. */
    public static final String SUMS = "SHA256SUMS";

    /** What goes into one zip entry. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private ChecksummedZip() {
    }

    /** {@code SHA256SUMS} of the named files, in the map's order: {@code sha256sum}'s text mode, two spaces. */
    public static byte[] sums(Map<String, String> sha256ByName) {
        StringBuilder sums = new StringBuilder();
        sha256ByName.forEach((name, sha256) -> sums.append(sha256).append("  ").append(name).append('\n'));
        return sums.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Writes the entries, in the map's order, into a zip at {@code target}. The zip is written beside the target under
     * a temporary name and moved into place, so that a reader never finds half a zip.
     *
     * @param time the entries' modification time; null for now
     */
    public static void write(Path target, Map<String, Content> entries, Instant time) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                for (Map.Entry<String, Content> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    if (time != null) {
                        entry.setTime(time.toEpochMilli());
                    }
                    zip.putNextEntry(entry);
                    e.getValue().writeTo(zip);
                    zip.closeEntry();
                }
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
