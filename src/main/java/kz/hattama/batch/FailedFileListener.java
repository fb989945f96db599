package kz.hattama.batch;

import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.OutcomeStore.PendingSource;
import kz.hattama.store.OutcomeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.SkipListener;

import java.util.List;

/**
 * A file whose reading crashed is skipped, not retried forever: it is recorded as REJECTED with
 * an internal-error reason, so the volunteer sees it and the rest of the job goes on.
 */
public class FailedFileListener implements SkipListener<PendingSource, SourceOutcome> {

    private static final Logger log = LoggerFactory.getLogger(FailedFileListener.class);

    private final OutcomeStore store;

    public FailedFileListener(OutcomeStore store) {
        this.store = store;
    }

    @Override
    public void onSkipInProcess(PendingSource item, Throwable t) {
        log.error("Reading {} failed; it is recorded as rejected", item.name(), t);
        store.saveOutcome(item.id(), List.of(PageOutcome.rejected(0, Rejection.of(RejectionCode.INTERNAL_ERROR))));
    }

    @Override
    public void onSkipInWrite(SourceOutcome item, Throwable t) {
        log.error("Storing the protocols of file {} failed; it is recorded as rejected", item.sourceId(), t);
        store.saveOutcome(item.sourceId(), List.of(PageOutcome.rejected(0, Rejection.of(RejectionCode.INTERNAL_ERROR))));
    }
}
