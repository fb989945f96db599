package kz.hattama.export;

import kz.hattama.form.FormDefinition;
import kz.hattama.store.ProtocolStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The stored protocols as export records, shared by every output format so they cannot drift apart. */
public final class ExportSource {

    private final ProtocolStore store;
    private final FormDefinition form;

    public ExportSource(ProtocolStore store, FormDefinition form) {
        this.store = store;
        this.form = form;
    }

    public FormDefinition form() {
        return form;
    }

    /** @return how many records were handed to {@code sink} */
    public long forEach(ExportFilter filter, Consumer<ExportRecord> sink) {
        return store.forEachProtocol(filter.statuses(), p -> sink.accept(ExportRecord.of(p, form)));
    }

    /** A sink that writes to a stream. */
    @FunctionalInterface
    public interface RecordWriter {
        void write(ExportRecord record) throws IOException;
    }

    /** {@link #forEach} for a writer, whose IOException reaches the caller as itself. */
    public long writeEach(ExportFilter filter, RecordWriter writer) throws IOException {
        try {
            return forEach(filter, record -> {
                try {
                    writer.write(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
