package kz.hattama.batch;

import kz.hattama.recognize.StageClock;
import kz.hattama.recognize.StageClock.Stage;
import kz.hattama.store.OutcomeStore;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;

public class OutcomeWriter implements ItemWriter<SourceOutcome> {

    private final OutcomeStore store;

    public OutcomeWriter(OutcomeStore store) {
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends SourceOutcome> items) {
        StageClock.time(Stage.STORE, () -> items.forEach(item -> store.saveOutcome(item.sourceId(), item.pages())));
    }
}
