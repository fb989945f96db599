package kz.hattama.web;

import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.UploadStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** Upload batches as JSON for one viewer: links only where the viewer may follow them. */
@Component
@ConditionalOnWebApplication
public class UploadViews {

    private final Texts texts;
    private final Access access;

    public UploadViews(Texts texts, Access access) {
        this.texts = texts;
        this.access = access;
    }

    public UploadJson of(UploadStore.BatchFiles stored, SignedInUser viewer) {
        UploadStore.Batch b = stored.batch();
        return new UploadJson(b.id(), b.state().name(), b.createdAt(), stored.files().stream()
                .map(f -> file(f, FileProgress.of(b.state(), f), viewer))
                .toList());
    }

    private UploadJson.File file(UploadStore.UploadedFile f, FileProgress progress, SignedInUser viewer) {
        return new UploadJson.File(f.id(), f.name(), f.size(), progress.name(), texts.progress(progress),
                f.outcomes().stream().map(o -> outcome(o, viewer)).toList());
    }

    private UploadJson.Outcome outcome(UploadStore.Outcome o, SignedInUser viewer) {
        boolean duplicate = o.rejection() == RejectionCode.DUPLICATE;
        boolean duplicateVisible = duplicate && o.duplicateOf() != null && access.maySeeOwnedBy(viewer, o.duplicateOfOwner());
        String duplicateUrl = duplicateVisible ? "/sources/" + o.duplicateOf() : null;
        // Another person's earlier upload is not named: its file name can say whose it is.
        String duplicateName = duplicateVisible ? o.duplicateOfName() : null;
        String url = viewer.mayReview() && o.status() == ProtocolStatus.NEEDS_REVIEW ? "/review/" + o.protocolId()
                : "/sources/" + o.sourceId();
        return new UploadJson.Outcome(o.sourceName(), o.pageNo(), o.protocolId(), o.status().name(),
                duplicate ? texts.get("status.DUPLICATE") : texts.status(o.status()),
                o.rejection() == null ? null : o.rejection().name(),
                o.rejection() == null ? null : texts.rejection(o.rejection(), duplicateName),
                duplicateName, duplicateUrl, o.uncertainFields(), o.failedChecks(), url);
    }
}
