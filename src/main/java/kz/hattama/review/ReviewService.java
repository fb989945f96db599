package kz.hattama.review;

import kz.hattama.form.FormDefinition;
import kz.hattama.reconcile.CheckResult;
import kz.hattama.reconcile.FieldResult;
import kz.hattama.reconcile.FieldStatus;
import kz.hattama.reconcile.ProtocolStatus;
import kz.hattama.reconcile.Relations;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.ReviewRecord;
import kz.hattama.store.ReviewStore;
import kz.hattama.store.StoredProtocol;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A reviewer signing a protocol off: the figures they entered replace the machine's, every field that needed a person
 * becomes REVIEWED, the control relations are recomputed on the new figures, and each changed figure goes into the
 * history. Optimistic: the sign-off names the version the reviewer opened, and loses to anyone who saved first.
 */
@Service
public class ReviewService {

    private final ProtocolStore protocols;
    private final ReviewStore reviews;
    private final FormDefinition form;
    private final Relations relations;

    public ReviewService(ProtocolStore protocols, ReviewStore reviews, FormDefinition form) {
        this.protocols = protocols;
        this.reviews = reviews;
        this.form = form;
        this.relations = new Relations(form);
    }

    /** Who signs off: the user id for the history's reference, the login as the history shows it. */
    public record Reviewer(long id, String login) {
    }

    /**
     * @param values the figures as the reviewer leaves them, by field key; a key left out keeps its figure, a null
     *               value means nothing legible is written there
     * @return the protocol's new version
     * @throws ReviewStore.ConflictException when someone saved the protocol after {@code expectedVersion}
     * @throws IllegalArgumentException      for an unknown field, a figure out of the form's range, or a rejection
     */
    public int signOff(long protocolId, int expectedVersion, Reviewer reviewer, Map<String, Integer> values) {
        StoredProtocol p = protocols.protocol(protocolId)
                .orElseThrow(() -> new NoSuchElementException("no protocol " + protocolId));
        if (p.status() == ProtocolStatus.REJECTED) {
            throw new IllegalArgumentException("protocol " + protocolId + " is a rejected file; there is nothing to review");
        }
        if (p.version() != expectedVersion) {
            throw new ReviewStore.ConflictException(protocolId, reviews.lastSignOff(protocolId).orElse(null));
        }
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            form.field(e.getKey());
            Integer v = e.getValue();
            if (v != null && (v < 0 || v > form.maxValue())) {
                throw new IllegalArgumentException(e.getKey() + " = " + v + " is outside 0 … " + form.maxValue());
            }
        }
        Map<String, Integer> figures = new HashMap<>();
        List<ReviewStore.FieldUpdate> fields = new ArrayList<>();
        List<ReviewRecord.Change> changes = new ArrayList<>();
        for (FieldResult f : p.fields()) {
            Integer to = values.containsKey(f.key()) ? values.get(f.key()) : f.value();
            boolean changed = !Objects.equals(f.value(), to);
            if (changed) {
                changes.add(new ReviewRecord.Change(f.key(), f.value(), to));
            }
            FieldStatus status = changed || f.status() != FieldStatus.VERIFIED ? FieldStatus.REVIEWED : f.status();
            fields.add(new ReviewStore.FieldUpdate(f.key(), to, status));
            figures.put(f.key(), to);
        }
        List<CheckResult> checks = relations.checks(figures);
        return reviews.signOff(new ReviewStore.SignOff(protocolId, expectedVersion, reviewer.id(), reviewer.login(),
                fields, checks, relations.flags(figures), changes));
    }
}
