package kz.hattama.batch;

import kz.hattama.protocol.SideGroup;
import kz.hattama.protocol.SidePage;
import kz.hattama.reconcile.SideJoiner;
import kz.hattama.store.SideStore;
import org.springframework.batch.item.ItemReader;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The job's sides grouped into protocols. A side left alone joins the protocol a reviewer uploaded it for, or the
 * open protocol of its precinct if an earlier upload brought the other side; otherwise it is a protocol of its own, with a side missing. Grouping needs every side
 * of the upload, so the groups are made when the first one is asked for; a restarted step regroups what is not
 * joined yet.
 */
public class SideGroupReader implements ItemReader<SideGroup> {

    private final SideStore store;
    private final SideJoiner joiner;
    private final String form;
    private final long jobInstanceId;
    private Deque<SideGroup> groups;

    public SideGroupReader(SideStore store, SideJoiner joiner, String form, long jobInstanceId) {
        this.store = store;
        this.joiner = joiner;
        this.form = form;
        this.jobInstanceId = jobInstanceId;
    }

    @Override
    public SideGroup read() {
        if (groups == null) {
            groups = new ArrayDeque<>();
            for (List<SidePage> pages : joiner.pair(store.unjoined(jobInstanceId))) {
                groups.add(pages.size() == 1 ? alone(pages.get(0)) : SideGroup.of(pages));
            }
        }
        return groups.poll();
    }

    private SideGroup alone(SidePage page) {
        Optional<SideGroup> attached = store.attachedProtocolFor(page);
        if (attached.isPresent()) {
            return attached.get();
        }
        String precinct = joiner.joinablePrecinct(page.reading());
        Optional<SideGroup> open = precinct == null ? Optional.empty() : store.openProtocolFor(page, precinct, form);
        return open.orElse(SideGroup.of(List.of(page)));
    }
}
