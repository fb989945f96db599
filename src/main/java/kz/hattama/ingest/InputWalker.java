package kz.hattama.ingest;

import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Expands what a volunteer points at (folders, zips, single files) into one ordered list of entries, and reads them.
 * The order is stable across runs so that a restarted job sees the same sequence. Whatever could exhaust memory or
 * time is refused from what the zip's directory and the file system say, before a byte is inflated: a zip with too
 * many entries or too much content, an entry or file over the size limit, a zip inside a zip. Nothing is ever
 * written to disk, so an entry named {@code ../../etc/passwd} only gets a safe name.
 */
public final class InputWalker {

    /** Windows' own zip tool writes names in the OEM code page without the UTF-8 flag: CP866 where Cyrillic is used. */
    static final Charset WINDOWS_CYRILLIC = Charset.forName("IBM866");

    /**
     * @param maxFileBytes  a file or entry larger than this is TOO_LARGE ({@code HATTAMA_MAX_FILE_MB})
     * @param maxZipEntries a zip with more files is ARCHIVE_TOO_LARGE ({@code HATTAMA_MAX_ZIP_ENTRIES})
     * @param maxZipBytes   a zip whose files unpack to more is ARCHIVE_TOO_LARGE ({@code HATTAMA_MAX_ZIP_MB})
     */
    public record Limits(long maxFileBytes, int maxZipEntries, long maxZipBytes) {
    }

    /**
     * One uploaded file, or one entry of an uploaded zip, not yet read. {@code zipEntry} is the entry's name as
     * stored (decoded with {@code charset}); {@code name} is the safe name it is reported under. {@code refusal}, when
     * set, is why it is not read at all.
     */
    public record Entry(String name, Path file, String zipEntry, Charset charset, long size, long crc, Rejection refusal) {
    }

    private InputWalker() {
    }

    public static List<Entry> walk(List<Path> inputs, Limits limits) {
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
                            .forEach(p -> add(out, p, input.relativize(p).toString(), limits));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + input, e);
                }
            } else {
                add(out, input, input.getFileName().toString(), limits);
            }
        }
        return out;
    }

    private static void add(List<Entry> out, Path file, String name, Limits limits) {
        long size = sizeOf(file);
        if (isZip(file.getFileName().toString()) && addZip(out, file, name, size, limits)) {
            return;
        }
        out.add(new Entry(name, file, null, null, size, -1, size > limits.maxFileBytes() ? tooLarge(limits) : null));
    }

    /** False when the file cannot be opened as a zip: it is then read as any other file (and rejected for its type). */
    private static boolean addZip(List<Entry> out, Path file, String name, long size, Limits limits) {
        // A name that is not UTF-8 (and not flagged as such) is refused by the UTF-8 decoder; CP866 decodes any byte.
        Charset charset = canOpen(file, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : WINDOWS_CYRILLIC;
        try (ZipFile zip = new ZipFile(file.toFile(), charset)) {
            List<? extends ZipEntry> files = zip.stream()
                    .filter(e -> !e.isDirectory())
                    .filter(e -> !e.getName().startsWith("__MACOSX/"))
                    .toList();
            long unpacked = files.stream().mapToLong(e -> Math.max(0, e.getSize())).sum();
            if (files.size() > limits.maxZipEntries() || unpacked > limits.maxZipBytes()) {
                out.add(new Entry(name, file, null, null, size, -1, Rejection.of(RejectionCode.ARCHIVE_TOO_LARGE,
                        limits.maxZipEntries(), megabytes(limits.maxZipBytes()))));
                return true;
            }
            files.stream().sorted(Comparator.comparing(ZipEntry::getName)).forEach(e -> {
                Rejection refusal = isZip(e.getName()) ? Rejection.of(RejectionCode.NESTED_ARCHIVE)
                        : e.getSize() > limits.maxFileBytes() ? tooLarge(limits) : null;
                out.add(new Entry(name + "!/" + FileNames.safe(e.getName()), file, e.getName(), charset, e.getSize(),
                        e.getCrc(), refusal));
            });
            return true;
        } catch (IOException damaged) {
            return false;
        }
    }

    private static boolean canOpen(Path zip, Charset charset) {
        try (ZipFile ignored = new ZipFile(zip.toFile(), charset)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isZip(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Rejection tooLarge(Limits limits) {
        return Rejection.of(RejectionCode.TOO_LARGE, megabytes(limits.maxFileBytes()));
    }

    static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    /** Reads entries in walk order, keeping the zip they come from open while its entries follow one another. */
    public static final class Reader implements AutoCloseable {

        private final Limits limits;
        private Path openPath;
        private ZipFile open;

        public Reader(Limits limits) {
            this.limits = limits;
        }

        /**
         * Reads an entry: its content when it is within the limits, else a refusal with an identity made from what
         * is known of it. Reading stops one byte past the limit (or past what a zip entry declares, which a zip bomb
         * understates), so no upload costs more than the limit in memory or time.
         */
        public IncomingFile read(int seq, Entry entry) throws IOException {
            if (entry.refusal() != null) {
                return IncomingFile.refused(seq, entry.name(), entry.size(),
                        Hashes.identity(entry.refusal().code(), entry.name(), entry.size(), entry.crc()), entry.refusal());
            }
            long expected = entry.zipEntry() == null || entry.size() < 0
                    ? limits.maxFileBytes() : Math.min(entry.size(), limits.maxFileBytes());
            byte[] bytes;
            try (InputStream in = open(entry)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, expected + 1));
            }
            if (bytes.length > limits.maxFileBytes()) {
                return IncomingFile.refused(seq, entry.name(), bytes.length,
                        Hashes.identity(RejectionCode.TOO_LARGE, entry.name(), Hashes.sha256(bytes)), tooLarge(limits));
            }
            if (bytes.length > expected) {
                // The entry inflates to more than the zip's directory says: a forged (bomb) or broken zip.
                return IncomingFile.refused(seq, entry.name(), bytes.length,
                        Hashes.identity(RejectionCode.CORRUPT_FILE, entry.name(), entry.size(), entry.crc()),
                        Rejection.of(RejectionCode.CORRUPT_FILE));
            }
            return IncomingFile.kept(seq, entry.name(), bytes);
        }

        private InputStream open(Entry entry) throws IOException {
            if (entry.zipEntry() == null) {
                return Files.newInputStream(entry.file());
            }
            if (open == null || !entry.file().equals(openPath)) {
                close();
                open = new ZipFile(entry.file().toFile(), entry.charset());
                openPath = entry.file();
            }
            ZipEntry e = open.getEntry(entry.zipEntry());
            if (e == null) {
                throw new ZipException("no entry " + entry.zipEntry() + " in " + entry.file());
            }
            return open.getInputStream(e);
        }

        @Override
        public void close() throws IOException {
            if (open != null) {
                ZipFile z = open;
                open = null;
                openPath = null;
                z.close();
            }
        }
    }
}
