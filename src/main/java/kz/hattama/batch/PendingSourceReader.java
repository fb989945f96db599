package kz.hattama.batch;

import kz.hattama.store.OutcomeStore.PendingSource;
import kz.hattama.store.OutcomeStore;
import org.springframework.batch.item.ItemReader;

/**
 * Hands out this partition's files that are not yet done. The state lives in the database (a
 * file is done once its protocols are written), so a restarted step resumes without a saved position.
 */
public class PendingSourceReader implements ItemReader<PendingSource> {

    private final OutcomeStore store;
    private final long jobInstanceId;
    private final int partition;
    private final int gridSize;
    private long lastId;

    public PendingSourceReader(OutcomeStore store, long jobInstanceId, int partition, int gridSize) {
        this.store = store;
        this.jobInstanceId = jobInstanceId;
        this.partition = partition;
        this.gridSize = gridSize;
    }

    @Override
    public PendingSource read() {
        PendingSource next = store.nextPending(jobInstanceId, partition, gridSize, lastId).orElse(null);
        if (next != null) {
            lastId = next.id();
        }
        return next;
    }
}
