package kz.hattama.batch;

import kz.hattama.ingest.IncomingFile;
import kz.hattama.ingest.InputWalker;
import kz.hattama.protocol.Hashes;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamException;
import org.springframework.batch.item.ItemStreamReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the uploaded files one by one in a stable order. Its position is saved with each chunk,
 * so a restarted intake continues at the first file not yet stored.
 */
public class IntakeReader implements ItemStreamReader<IncomingFile> {

    private static final Logger log = LoggerFactory.getLogger(IntakeReader.class);
    private static final String POSITION = "intake.position";

    private final List<Path> inputs;
    private final InputWalker.Limits limits;
    private List<InputWalker.Entry> entries;
    private InputWalker.Reader reader;
    private int position;
    private long bytesInChunk;

    public IntakeReader(List<Path> inputs, InputWalker.Limits limits) {
        this.inputs = inputs;
        this.limits = limits;
    }

    @Override
    public void open(ExecutionContext context) {
        entries = InputWalker.walk(inputs, limits);
        reader = new InputWalker.Reader(limits);
        position = context.getInt(POSITION, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(POSITION, position);
        // Called as each chunk commits: what was read so far is written and may be let go.
        bytesInChunk = 0;
    }

    /** Bytes of the files read since the last chunk was committed, which the chunk holds until written. */
    public long bytesInChunk() {
        return bytesInChunk;
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + inputs, e);
            }
        }
    }

    @Override
    public IncomingFile read() {
        if (position >= entries.size()) {
            return null;
        }
        int seq = position++;
        InputWalker.Entry entry = entries.get(seq);
        try {
            IncomingFile file = reader.read(seq, entry);
            bytesInChunk += file.bytes() == null ? 0 : file.bytes().length;
            return file;
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // One file's fault is that file's record, never the job's: an unreadable file (permissions, a damaged
            // zip entry) is CORRUPT_FILE, anything else INTERNAL_ERROR. It is known by its name, its content being unread.
            boolean damaged = e instanceof IOException;
            log.warn("Cannot read {}; it is recorded as rejected", entry.name(), e);
            RejectionCode code = damaged ? RejectionCode.CORRUPT_FILE : RejectionCode.INTERNAL_ERROR;
            return IncomingFile.refused(seq, entry.name(), entry.size(), Hashes.identity("unreadable", entry.name()),
                    Rejection.of(code));
        }
    }
}
