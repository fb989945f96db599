package kz.hattama.review;

import kz.hattama.protocol.ReviewReason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.export.ExportRecord;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.store.Protocols;
import kz.hattama.store.ReviewRecord;
import kz.hattama.store.ReviewStore;
import kz.hattama.store.TestDatabase.Stores;
import kz.hattama.store.TestDatabase;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import kz.hattama.users.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static kz.hattama.store.Protocols.bytes;
import static kz.hattama.store.Protocols.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing a protocol off: what changes in the store, in the history and in the export record. */
class ReviewServiceTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private static TestDatabase.Schema schema;
    private static Stores store;
    private static ReviewStore reviews;
    private static JdbcTemplate jdbc;
    private static ReviewService service;
    private static ReviewService.Reviewer ann;
    private static ReviewService.Reviewer ben;

    @BeforeAll
    static void migrate() {
        schema = TestDatabase.migratedSchema();
        store = schema.stores();
        jdbc = schema.jdbc();
        reviews = new ReviewStore(jdbc, new DataSourceTransactionManager(schema.dataSource()));
        service = new ReviewService(store.protocols(), reviews, Protocols.FORM);
        UserStore users = new UserStore(jdbc, new BCryptPasswordEncoder(4));
        AppUser a = users.add("ann", "password-ann", Role.REVIEWER);
        AppUser b = users.add("ben", "password-ben", Role.REVIEWER);
        ann = new ReviewService.Reviewer(a.id(), a.login());
        ben = new ReviewService.Reviewer(b.id(), b.login());
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    /** The Kazakh protocol whose party_1 reads 58 in digits and 68 in words, so the votes do not balance. */
    private static long needsReview() {
        int n = SEQ.incrementAndGet();
        byte[] b = bytes("scan " + n);
        long source = store.intake().addSource(1, n, "IMG_" + n + ".jpg", b, sha256(b), "image/jpeg");
        store.outcomes().saveOutcome(source, List.of(PageOutcome.read(1, Protocols.needsReview())));
        return jdbc.queryForObject("select id from protocol where source_id = ?", Long.class, source);
    }

    /** A clean protocol whose precinct number was read 29 by one look and 463 by the others: it waits for a person. */
    private static long unsurePrecinct() {
        int n = SEQ.incrementAndGet();
        byte[] b = bytes("sealed scan " + n);
        long source = store.intake().addSource(1, n, "IMG_" + n + ".jpg", b, sha256(b), "image/jpeg");
        kz.hattama.protocol.ProtocolResult p = Protocols.verified();
        store.outcomes().saveOutcome(source, List.of(PageOutcome.read(1, new kz.hattama.protocol.ProtocolResult(p.form(), p.lang(),
                "29", p.address(), p.fields(), p.checks(), p.flags(), kz.hattama.protocol.ProtocolStatus.NEEDS_REVIEW,
                kz.hattama.protocol.FieldStatus.NEEDS_REVIEW, 0.7,
                List.of(ReviewReason.of(ReviewReason.Code.PRECINCT_DISAGREE, "29 ≠ 463 (number-model)"))))));
        return jdbc.queryForObject("select id from protocol where source_id = ?", Long.class, source);
    }

    @Test
    void aReviewerCorrectsThePrecinctNumberAndTheHistoryKeepsTheChange() {
        long id = unsurePrecinct();
        assertThat(reviews.queue(500, 0)).filteredOn(q -> q.protocolId() == id)
                .singleElement().extracting(ReviewStore.QueueItem::uncertainFields).isEqualTo(1);

        service.signOff(id, 0, ann, Map.of("precinct", 463));

        ExportRecord r = exported(id);
        assertThat(r.status().name()).isEqualTo("REVIEWED");
        assertThat(r.precinct()).isEqualTo("463");
        assertThat(r.precinctStatus().name()).isEqualTo("REVIEWED");
        assertThat(r.review().changes()).extracting(c -> c.field(), c -> c.from(), c -> c.to(), c -> c.by())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("precinct", 29, 463, "ann"));
        assertThat(jdbc.queryForList("select field from review_change where protocol_id = ?", String.class, id))
                .containsExactly("precinct");
        assertThat(r.flags()).extracting(kz.hattama.protocol.Flag::id).doesNotContain("precinct_unsure");
    }

    @Test
    void aReviewerConfirmsThePrecinctNumberAsReadWithoutAChange() {
        long id = unsurePrecinct();

        service.signOff(id, 0, ann, Map.of());

        ExportRecord r = exported(id);
        assertThat(r.precinct()).isEqualTo("29");
        assertThat(r.precinctStatus().name()).isEqualTo("REVIEWED");
        assertThat(r.review().changes()).isEmpty();
        assertThatThrownBy(() -> service.signOff(id, 1, ann, Map.of("precinct", 0))).isInstanceOf(IllegalArgumentException.class);
    }

    private static ExportRecord exported(long id) {
        String uid = store.protocols().protocol(id).orElseThrow().uid();
        return kz.hattama.export.TestExports.source(schema, new StoredReviewHistory(schema.jdbc())).record(uid).orElseThrow();
    }

    @Test
    void aCorrectionBalancesTheVotesAndEveryDoubtfulFieldBecomesReviewed() {
        long id = needsReview();
        assertThat(exported(id).review()).isNull();
        Map<String, Integer> values = new HashMap<>(Map.of("party_1", 68));
        values.put("ballots_unused", 100);

        int version = service.signOff(id, 0, ann, values);

        ExportRecord r = exported(id);
        assertThat(version).isEqualTo(1);
        assertThat(r.status().name()).isEqualTo("REVIEWED");
        assertThat(r.fields().get("party_1").value()).isEqualTo(68);
        assertThat(r.fields().get("party_1").status().name()).isEqualTo("REVIEWED");
        // The readings stay as read: the dataset shows what the machine saw and what a person decided.
        assertThat(r.fields().get("party_1").digits()).isEqualTo(58);
        assertThat(r.fields().values()).extracting(f -> f.status().name()).doesNotContain("NEEDS_REVIEW");
        assertThat(r.fields().get("voters_total").status().name()).isEqualTo("VERIFIED");
        ExportRecord.Check votes = r.checks().stream().filter(c -> c.id().equals("votes_balance")).findFirst().orElseThrow();
        assertThat(votes.passed()).isTrue();
        assertThat(votes.detail()).isEqualTo("790 (68 + 500 + 100 + 50 + 60 + 12) = 790");
        // Only the figure that changed is a change; confirming one as read is not.
        assertThat(r.review().by()).isEqualTo("ann");
        assertThat(r.review().changes()).extracting(c -> c.field(), c -> c.from(), c -> c.to(), c -> c.by())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("party_1", 58, 68, "ann"));
    }

    @Test
    void theExportRecordCarriesTheReviewSlotOfTheSpec() throws Exception {
        long id = needsReview();
        service.signOff(id, 0, ann, Map.of("party_1", 68));
        service.signOff(id, 1, ben, Map.of("party_1", 67));

        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JsonNode review = json.readTree(json.writeValueAsString(exported(id))).get("review");

        assertThat(review.get("by").asText()).isEqualTo("ben");
        assertThat(review.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(review.get("changes")).hasSize(2);
        assertThat(review.get("changes").get(0).get("field").asText()).isEqualTo("party_1");
        assertThat(review.get("changes").get(0).get("from").asInt()).isEqualTo(58);
        assertThat(review.get("changes").get(0).get("to").asInt()).isEqualTo(68);
        assertThat(review.get("changes").get(0).get("by").asText()).isEqualTo("ann");
        assertThat(review.get("changes").get(1).get("from").asInt()).isEqualTo(68);
        assertThat(review.get("changes").get(1).get("to").asInt()).isEqualTo(67);
        assertThat(review.get("changes").get(1).get("by").asText()).isEqualTo("ben");
    }

    @Test
    void aSaveOnAVersionSomeoneElseAlreadySavedIsRefusedAndChangesNothing() {
        long id = needsReview();
        service.signOff(id, 0, ann, Map.of("party_1", 68));

        assertThatThrownBy(() -> service.signOff(id, 0, ben, Map.of("party_1", 58, "ballots_invalid", 11)))
                .isInstanceOfSatisfying(ReviewStore.ConflictException.class,
                        e -> assertThat(e.last()).hasValueSatisfying(l -> assertThat(l.reviewer()).isEqualTo("ann")));
        assertThat(exported(id).fields().get("party_1").value()).isEqualTo(68);
        assertThat(exported(id).fields().get("ballots_invalid").value()).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from review_signoff where protocol_id = ?", Long.class, id)).isOne();
    }

    @Test
    void twoSignOffsThatBothReadTheSameVersionLetExactlyOneThrough() {
        long id = needsReview();
        // Both passed the service's version check before either wrote: the store's conditional update decides.
        ReviewStore.SignOff a = new ReviewStore.SignOff(id, 0, ann.id(), "ann", List.of(), List.of(), List.of(),
                List.of(new ReviewRecord.Change("party_1", 58, 68)), null);
        ReviewStore.SignOff b = new ReviewStore.SignOff(id, 0, ben.id(), "ben", List.of(), List.of(), List.of(),
                List.of(new ReviewRecord.Change("party_1", 58, 60)), null);

        reviews.signOff(a);

        assertThatThrownBy(() -> reviews.signOff(b)).isInstanceOf(ReviewStore.ConflictException.class);
        assertThat(jdbc.queryForList("select to_value from review_change where protocol_id = ?", Integer.class, id))
                .containsExactly(68);
    }

    @Test
    void theHistoryCannotBeRewritten() {
        long id = needsReview();
        service.signOff(id, 0, ann, Map.of("party_1", 68));

        assertThatThrownBy(() -> jdbc.update("update review_change set to_value = 58 where protocol_id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from review_signoff where protocol_id = ?", id))
                .hasMessageContaining("append-only");
    }

    @Test
    void theHistoryCannotBeTruncatedNeitherDirectlyNorThroughTheProtocols() {
        long id = needsReview();
        service.signOff(id, 0, ann, Map.of("party_1", 68));
        long signOffs = jdbc.queryForObject("select count(*) from review_signoff", Long.class);
        long changes = jdbc.queryForObject("select count(*) from review_change", Long.class);

        for (String truncate : List.of("truncate review_change", "truncate review_signoff cascade",
                "truncate review_change, review_signoff", "truncate protocol cascade")) {
            assertThatThrownBy(() -> jdbc.execute(truncate)).as(truncate).hasMessageContaining("append-only")
                    .hasMessageContaining("TRUNCATE");
        }

        assertThat(jdbc.queryForObject("select count(*) from review_signoff", Long.class)).isEqualTo(signOffs).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from review_change", Long.class)).isEqualTo(changes).isPositive();
        assertThat(exported(id).review().by()).isEqualTo("ann");
    }

    @Test
    void aFigureOutsideTheFormsRangeOrAnUnknownFieldIsRefused() {
        long id = needsReview();
        assertThatThrownBy(() -> service.signOff(id, 0, ann, Map.of("party_1", -1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.signOff(id, 0, ann, Map.of("party_9", 1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(exported(id).status().name()).isEqualTo("NEEDS_REVIEW");
    }
}
