package kz.hattama.batch;

import kz.hattama.protocol.SideGroup;
import kz.hattama.recognize.StageClock;
import kz.hattama.recognize.StageClock.Stage;
import kz.hattama.reconcile.Reconciler;
import kz.hattama.reconcile.SideJoiner;
import org.springframework.batch.item.ItemProcessor;

/** Reconciles a protocol from its sides' readings, as a one-page protocol is reconciled. No I/O. */
public class JoinSidesProcessor implements ItemProcessor<SideGroup, JoinedSides> {

    private final SideJoiner joiner;
    private final Reconciler reconciler;

    public JoinSidesProcessor(SideJoiner joiner, Reconciler reconciler) {
        this.joiner = joiner;
        this.reconciler = reconciler;
    }

    @Override
    public JoinedSides process(SideGroup group) {
        return StageClock.time(Stage.JOIN, () -> new JoinedSides(group, reconciler.reconcile(joiner.join(group.readings())),
                joiner.pageOf(group.readings()), joiner.signaturePage(group.readings())));
    }
}
