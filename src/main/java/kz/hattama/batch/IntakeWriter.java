package kz.hattama.batch;

import kz.hattama.ingest.IncomingFile;
import kz.hattama.ingest.IntakeItem;
import kz.hattama.store.IntakeStore;
import kz.hattama.store.OutcomeStore;
import kz.hattama.recognize.StageClock;
import kz.hattama.recognize.StageClock.Stage;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

/** Stores each checked file (once per content) and records at once why an unusable one is rejected. */
public class IntakeWriter implements ItemWriter<IntakeItem> {

    private final IntakeStore intake;
    private final OutcomeStore outcomes;
    private final long jobInstanceId;

    public IntakeWriter(IntakeStore intake, OutcomeStore outcomes, long jobInstanceId) {
        this.intake = intake;
        this.outcomes = outcomes;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public void write(Chunk<? extends IntakeItem> items) {
        StageClock.time(Stage.INTAKE, () -> store(items));
    }

    private void store(Chunk<? extends IntakeItem> items) {
        for (IntakeItem item : items) {
            IncomingFile file = item.file();
            if (file.bytes() == null) {
                intake.addRejectedSource(jobInstanceId, file.seq(), file.name(), file.size(), file.identity(),
                        item.mediaType(), item.rejection());
                continue;
            }
            long id = intake.addSource(jobInstanceId, file.seq(), file.name(), file.bytes(), item.sha256(), item.mediaType());
            if (item.rejection() != null) {
                outcomes.rejectSource(id, item.rejection());
            }
        }
    }
}
