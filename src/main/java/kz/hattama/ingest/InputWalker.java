package kz.hattama.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Expands what a volunteer points at (folders, zips, single files) into one ordered list of
 * entries. The order is stable across runs so that a restarted job sees the same sequence.
 */
public final class InputWalker {

    /** One uploaded file, or one entry of an uploaded zip, not yet read. */
    public record Entry(String name, Path file, String zipEntry, long size) {
    }

    private InputWalker() {
    }

    public static List<Entry> walk(List<Path> inputs) {
        List<Entry> out = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new IllegalArgumentException("No such file or folder: " + input);
            }
            if (Files.isDirectory(input)) {
                try (Stream<Path> files = Files.walk(input)) {
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(p -> add(out, p, input.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + input, e);
                }
            } else {
                add(out, input, input.getFileName().toString());
            }
        }
        return out;
    }

    private static void add(List<Entry> out, Path file, String name) {
        if (isZip(file)) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                zip.stream().filter(e -> !e.isDirectory())
                        .filter(e -> !e.getName().startsWith("__MACOSX/"))
                        .sorted(Comparator.comparing(ZipEntry::getName))
                        .forEach(e -> out.add(new Entry(name + "!/" + e.getName(), file, e.getName(), e.getSize())));
                return;
            } catch (IOException e) {
                // A damaged zip is reported as one damaged file rather than stopping the job.
            }
        }
        out.add(new Entry(name, file, null, sizeOf(file)));
    }

    private static boolean isZip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Reads an entry. Content over {@code maxBytes} is hashed but not kept, so a huge upload costs
     * no memory yet is still recognised when sent twice.
     */
    public static IncomingFile read(int seq, Entry entry, long maxBytes) throws IOException {
        try (ZipFile zip = entry.zipEntry() == null ? null : new ZipFile(entry.file().toFile());
             InputStream in = zip == null ? Files.newInputStream(entry.file()) : zip.getInputStream(zip.getEntry(entry.zipEntry()))) {
            MessageDigest sha = Hashes.newSha256();
            java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long size = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
                size += n;
                if (size <= maxBytes) {
                    kept.write(buf, 0, n);
                }
            }
            return new IncomingFile(seq, entry.name(), size, HexFormat.of().formatHex(sha.digest()),
                    size <= maxBytes ? kept.toByteArray() : null);
        }
    }
}
