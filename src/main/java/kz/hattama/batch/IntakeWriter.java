package kz.hattama.batch;

import kz.hattama.ingest.IncomingFile;
import kz.hattama.ingest.IntakeItem;
import kz.hattama.store.ProtocolStore;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/** Stores each checked file (once per content) and records at once why an unusable one is rejected. */
public class IntakeWriter implements ItemWriter<IntakeItem> {

    private final ProtocolStore store;
    private final long jobInstanceId;

    public IntakeWriter(ProtocolStore store, long jobInstanceId) {
        this.store = store;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends IntakeItem> items) {
        for (IntakeItem item : items) {
            IncomingFile file = item.file();
            if (file.bytes() == null) {
                store.addRejectedSource(jobInstanceId, file.seq(), file.name(), file.size(), file.identity(),
                        item.mediaType(), item.rejection());
                continue;
            }
            long id = store.addSource(jobInstanceId, file.seq(), file.name(), file.bytes(), item.sha256(), item.mediaType());
            if (item.rejection() != null) {
                store.rejectSource(id, item.rejection());
            }
        }
    }
}
