package kz.hattama.batch;

import kz.hattama.ingest.Hashes;
import kz.hattama.ingest.IncomingFile;
import kz.hattama.ingest.InputWalker;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the uploaded files one by one in a stable order. Its position is saved with each chunk,
 * so a restarted intake continues at the first file not yet stored.
 */
public class IntakeReader implements ItemStreamReader<IncomingFile> {

    private static final String POSITION = "intake.position";

    private final List<Path> inputs;
    private final long maxBytes;
    private List<InputWalker.Entry> entries;
    private int position;

    public IntakeReader(List<Path> inputs, long maxBytes) {
        this.inputs = inputs;
        this.maxBytes = maxBytes;
    }

    @Override
    public void open(ExecutionContext context) {
        entries = InputWalker.walk(inputs);
        position = context.getInt(POSITION, 0);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(POSITION, position);
    }

    @Override
    public IncomingFile read() {
        if (position >= entries.size()) {
            return null;
        }
        int seq = position++;
        InputWalker.Entry entry = entries.get(seq);
        try {
            return InputWalker.read(seq, entry, maxBytes);
        } catch (IOException | RuntimeException e) {
            // An unreadable file (permissions, a damaged zip entry) becomes a CORRUPT_FILE record;
            // it is hashed by name so that it still has an identity in the store.
            return new IncomingFile(seq, entry.name(), -1,
                    Hashes.sha256(("unreadable:" + entry.name()).getBytes(StandardCharsets.UTF_8)), null);
        }
    }

}
