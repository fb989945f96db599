package kz.hattama.web;

import kz.hattama.store.ProtocolStore;
import kz.hattama.store.StoredProtocol;
import kz.hattama.store.UploadStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.Objects;

/**
 * Who may see which uploads, scans and protocols: reviewers and admins see everything, a volunteer what they
 * uploaded. Files read by the CLI or an unowned consume folder belong to nobody, so only reviewers see them.
 */
@Component
@ConditionalOnWebApplication
public class Access {

    private final UploadStore uploads;
    private final ProtocolStore protocols;

    public Access(UploadStore uploads, ProtocolStore protocols) {
        this.uploads = uploads;
        this.protocols = protocols;
    }

    public boolean maySeeOwnedBy(SignedInUser user, Long owner) {
        return user.mayReview() || Objects.equals(owner, user.id());
    }

    public boolean maySeeSource(SignedInUser user, long sourceId) {
        return user.mayReview() || uploads.ownerOfSource(sourceId).map(o -> o == user.id()).orElse(false);
    }

    /**
     * Another person's file is answered as a missing one (404), not 403: a refusal would tell a volunteer which ids
     * exist.
     */
    public void requireSource(SignedInUser user, long sourceId) {
        if (!maySeeSource(user, sourceId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + sourceId);
        }
    }

    public StoredProtocol requireProtocol(SignedInUser user, long protocolId) {
        StoredProtocol p = protocols.protocol(protocolId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no protocol " + protocolId));
        requireSource(user, p.sourceId());
        return p;
    }

    public UploadStore.BatchFiles requireBatch(SignedInUser user, long batchId) {
        UploadStore.BatchFiles b = uploads.withFiles(batchId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no upload " + batchId));
        if (!maySeeOwnedBy(user, b.batch().userId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no upload " + batchId);
        }
        return b;
    }
}
