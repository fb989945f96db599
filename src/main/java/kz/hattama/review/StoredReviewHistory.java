package kz.hattama.review;

import kz.hattama.export.Review;
import kz.hattama.export.ReviewHistory;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.ReviewRecord;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** The review history the web app keeps, as the export and the evidence bundle read it. */
@Component
public class StoredReviewHistory implements ReviewHistory {

    private final ProtocolStore store;

    public StoredReviewHistory(ProtocolStore store) {
        this.store = store;
    }

    @Override
    public Map<Long, Review> reviewsOf(Collection<Long> protocolIds) {
        return store.reviewsOf(protocolIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> toReview(e.getValue())));
    }

    public static Review toReview(ReviewRecord r) {
        return r == null ? null : new Review(r.by(), r.at(), r.changes().stream()
                .map(c -> new Review.Change(c.field(), c.from(), c.to(), c.by(), c.at())).toList());
    }
}
