package kz.hattama.export;

import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.ProtocolStatus;
import org.springframework.util.FileSystemUtils;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A citable dataset: {@code protocols.jsonl}, {@code protocols.csv}, {@code manifest.json} and {@code SHA256SUMS}, in
 * a folder or a zip. Both data files come from one pass over one snapshot of the database, so they hold the same
 * protocols even while a job writes; the dataset appears whole or not at all.
 */
public final class DatasetExporter {

    private final List<Exporter> formats;
    private final Clock clock;
    private final String version;

    public DatasetExporter(JsonlExporter jsonl, CsvExporter csv, Clock clock, String version) {
        this.formats = List.of(jsonl, csv);
        this.clock = clock;
        this.version = version;
    }

    public static boolean isZip(Path target) {
        return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** Writes the dataset to {@code target}: a zip when its name ends in .zip, else a folder. */
    public Manifest write(ExportFilter filter, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial");
        try {
            Manifest manifest = writeFiles(filter, work);
            if (isZip(absolute)) {
                zip(work, absolute);
            } else {
                replaceFolder(work, absolute);
            }
            return manifest;
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private Manifest writeFiles(ExportFilter filter, Path dir) throws IOException {
        ExportSource source = formats.get(0).source();
        List<MessageDigest> digests = new ArrayList<>();
        List<OutputStream> streams = new ArrayList<>();
        List<Exporter.Sink> sinks = new ArrayList<>();
        Map<ProtocolStatus, Long> byStatus = new EnumMap<>(ProtocolStatus.class);
        for (ProtocolStatus s : ProtocolStatus.values()) {
            byStatus.put(s, 0L);
        }
        Set<Manifest.Scan> scans = new LinkedHashSet<>();
        long n;
        try {
            for (Exporter format : formats) {
                MessageDigest digest = Hashes.newSha256();
                OutputStream out = new DigestOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(dir.resolve(format.fileName()))), digest);
                digests.add(digest);
                streams.add(out);
                sinks.add(format.open(out));
            }
            n = source.writeEach(filter, record -> {
                for (Exporter.Sink sink : sinks) {
                    sink.write(record);
                }
                byStatus.merge(record.status(), 1L, Long::sum);
                for (int i = 0; i < record.sourceFiles().size(); i++) {
                    if (record.sourceSha256().get(i) == null) {
                        continue; // a rejected file whose content was not kept has no hash to cite
                    }
                    scans.add(new Manifest.Scan(record.sourceFiles().get(i), record.sourceSha256().get(i)));
                }
            });
            for (Exporter.Sink sink : sinks) {
                sink.finish();
            }
        } finally {
            for (OutputStream out : streams) {
                out.close();
            }
        }
        List<Manifest.DataFile> files = new ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            String name = formats.get(i).fileName();
            files.add(new Manifest.DataFile(name, HexFormat.of().formatHex(digests.get(i).digest()),
                    Files.size(dir.resolve(name)), n));
        }
        Manifest manifest = new Manifest(source.form().id(), source.form().version(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), version, filter,
                new Manifest.Counts(n, byStatus), files, List.copyOf(scans));
        byte[] json = (Json.PRETTY.writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(Manifest.FILE_NAME), json);
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach(f -> sums.put(f.name(), f.sha256()));
        sums.put(Manifest.FILE_NAME, Hashes.sha256(json));
        Files.write(dir.resolve(Manifest.CHECKSUMS), ChecksummedZip.sums(sums));
        return manifest;
    }

    /** The dataset's files at the zip's root, in the order a reader wants them. */
    private void zip(Path dir, Path target) throws IOException {
        List<String> names = new ArrayList<>();
        formats.forEach(f -> names.add(f.fileName()));
        names.addAll(List.of(Manifest.FILE_NAME, Manifest.CHECKSUMS));
        Map<String, ChecksummedZip.Content> entries = new LinkedHashMap<>();
        names.forEach(name -> entries.put(name, out -> Files.copy(dir.resolve(name), out)));
        ChecksummedZip.write(target, entries, Instant.now(clock));
    }

    /**
     * Puts the folder in place of {@code target}. An earlier dataset there is replaced; any other folder is left
     * alone, since it may be something the user meant to keep.
     */
    private static void replaceFolder(Path dir, Path target) throws IOException {
        if (Files.exists(target)) {
            boolean replaceable = false;
            if (Files.isDirectory(target)) {
                try (var entries = Files.list(target)) {
                    replaceable = Files.exists(target.resolve(Manifest.FILE_NAME)) || entries.findAny().isEmpty();
                }
            }
            if (!replaceable) {
                throw new IOException(target + " exists and is not a Hattama dataset folder; choose another --out");
            }
            FileSystemUtils.deleteRecursively(target);
        }
        Files.move(dir, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
