package kz.hattama.review;

import kz.hattama.form.FormDefinition;
import kz.hattama.precinct.Precinct;
import kz.hattama.protocol.CheckResult;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.ProtocolStatus;
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

    /** The key of the precinct number among a sign-off's values and in the review history. */
    public static final String PRECINCT = "precinct";
    private static final int MAX_PRECINCT = 99_999;

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
     *               value means nothing legible is written there. Key {@code precinct} is the precinct number.
     * @return the protocol's new version
     * @throws ReviewStore.ConflictException when someone saved the protocol after {@code expectedVersion}
     * @throws IllegalArgumentException      for an unknown field, a figure out of the form's range, or a rejection
     */
    public int signOff(long protocolId, int expectedVersion, Reviewer reviewer, Map<String, Integer> values) {
        // The precinct number is reviewed like a figure; it is kept apart because it names the precinct, not a count.
        StoredProtocol p = protocols.protocol(protocolId)
                .orElseThrow(() -> new NoSuchElementException("no protocol " + protocolId));
        if (p.status() == ProtocolStatus.REJECTED) {
            throw new IllegalArgumentException("protocol " + protocolId + " is a rejected file; there is nothing to review");
        }
        if (p.version() != expectedVersion) {
            throw new ReviewStore.ConflictException(protocolId, reviews.lastSignOff(protocolId).orElse(null));
        }
        for (Map.Entry<String, Integer> e : values.entrySet()) {
            Integer v = e.getValue();
            if (PRECINCT.equals(e.getKey())) {
                if (v != null && (v < 1 || v > MAX_PRECINCT)) {
                    throw new IllegalArgumentException("precinct = " + v + " is outside 1 … " + MAX_PRECINCT);
                }
                continue;
            }
            form.field(e.getKey());
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
                fields, checks, relations.flags(figures), changes, precinct(p, values, changes)));
    }

    /**
     * The precinct number as the reviewer leaves it: REVIEWED when they changed it or it needed a person (a sign-off
     * confirms what the page shows), else as it was. A change goes into the history as field {@code precinct}.
     */
    private static ReviewStore.PrecinctUpdate precinct(StoredProtocol p, Map<String, Integer> values,
                                                       List<ReviewRecord.Change> changes) {
        String to = values.containsKey(PRECINCT) ? Objects.toString(values.get(PRECINCT), null) : p.precinct();
        Integer fromNumber = Precinct.numeric(Precinct.normalize(p.precinct()));
        boolean changed = !Objects.equals(Precinct.normalize(p.precinct()), Precinct.normalize(to));
        if (changed) {
            changes.add(new ReviewRecord.Change(PRECINCT, fromNumber, Precinct.numeric(Precinct.normalize(to))));
        }
        FieldStatus status = changed || p.precinctStatus() != FieldStatus.VERIFIED ? FieldStatus.REVIEWED : FieldStatus.VERIFIED;
        return new ReviewStore.PrecinctUpdate(changed ? Precinct.normalize(to) : p.precinct(), status);
    }
}
