package kz.hattama.batch;

import org.springframework.batch.repeat.RepeatContext;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.batch.repeat.policy.SimpleCompletionPolicy;

/**
 * Ends an intake chunk after {@code maxFiles} files, or sooner once the files read so far hold {@code maxBytes}: a
 * chunk keeps its files' bytes in memory until they are written, and ten scans at the size limit would crowd a small
 * heap, while ten small photos a transaction keep a large batch quick.
 */
final class IntakeChunkPolicy extends SimpleCompletionPolicy {

    private final IntakeReader reader;
    private final long maxBytes;

    IntakeChunkPolicy(int maxFiles, long maxBytes, IntakeReader reader) {
        super(maxFiles);
        this.reader = reader;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean isComplete(RepeatContext context, RepeatStatus result) {
        return super.isComplete(context, result) || reader.bytesInChunk() >= maxBytes;
    }

    @Override
    public boolean isComplete(RepeatContext context) {
        return super.isComplete(context) || reader.bytesInChunk() >= maxBytes;
    }
}
