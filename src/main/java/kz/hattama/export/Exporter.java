package kz.hattama.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the dataset in one format. */
public interface Exporter {

    /** The records' writer in this format, opened on a stream. */
    interface Sink extends ExportSource.RecordWriter {
        /** Flushes what is buffered; the caller closes the stream. */
        void finish() throws IOException;
    }

    /** The file's name in a dataset folder. */
    String fileName();

    /** Starts the output on {@code out} (a CSV header, say); records follow through the sink. */
    Sink open(OutputStream out) throws IOException;

    ExportSource source();

    /**
     * Writes to {@code out} and flushes it; the caller closes it.
     *
     * @return how many protocols were written
     */
    default long write(ExportFilter filter, OutputStream out) throws IOException {
        Sink sink = open(out);
        long n = source().writeEach(filter, sink);
        sink.finish();
        return n;
    }

    /** Writes next to {@code file} and moves it into place, so a failed export never leaves half a dataset there. */
    default long write(ExportFilter filter, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
        try {
            long n;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial))) {
                n = write(filter, out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
