package kz.hattama.store;

import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.protocol.Rejection;
import kz.hattama.protocol.RejectionCode;
import kz.hattama.store.TestDatabase.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static kz.hattama.store.Protocols.bytes;
import static kz.hattama.store.Protocols.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtocolStoreTest {

    private static final long JOB = 7;

    private static TestDatabase.Schema schema;
    private static Stores store;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        schema = TestDatabase.migratedSchema();
        store = schema.stores();
        jdbc = schema.jdbc();
    }

    @BeforeEach
    void emptyTables() {
        schema.truncate();
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    private long add(long job, int seq, String name, String content) {
        byte[] b = bytes(content);
        return store.intake().addSource(job, seq, name, b, sha256(b), "image/jpeg");
    }

    private Map<String, Object> protocolOf(long sourceId) {
        return jdbc.queryForMap("select * from protocol where source_id = ?", sourceId);
    }

    @Test
    void addSourceTwiceForTheSameSeqReturnsTheSameRow() {
        long first = add(JOB, 0, "IMG_0412.jpg", "scan A");
        long again = add(JOB, 0, "IMG_0412.jpg", "scan A");

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.queryForObject("select count(*) from source_file", Long.class)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from protocol", Long.class)).isZero();
        assertThat(store.scans().scan(sha256(bytes("scan A")))).isEqualTo(bytes("scan A"));
    }

    @Test
    void aFileWhoseContentIsNotKeptIsStoredRejectedWithoutAContentHashAndIsADuplicateWhenSentAgain() {
        String identity = kz.hattama.protocol.Hashes.identity("TOO_LARGE", "huge.jpg", 3_000_000_000L);
        Rejection tooLarge = Rejection.of(RejectionCode.TOO_LARGE, "50 MB");
        long first = store.intake().addRejectedSource(JOB, 0, "huge.jpg", 3_000_000_000L, identity, null, tooLarge);
        assertThat(store.intake().addRejectedSource(JOB, 0, "huge.jpg", 3_000_000_000L, identity, null, tooLarge)).isEqualTo(first);
        long again = store.intake().addRejectedSource(JOB + 1, 0, "huge.jpg", 3_000_000_000L, identity, null, tooLarge);

        assertThat(store.scans().source(first).orElseThrow().sha256()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from scan_blob", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from source_file where state = 'DONE'", Long.class)).isEqualTo(2);
        assertThat(protocolOf(first)).containsEntry("rejection_code", "TOO_LARGE").containsEntry("status", "REJECTED");
        assertThat(protocolOf(again)).containsEntry("rejection_code", "DUPLICATE");
        assertThat(store.protocols().protocolsOf(first).get(0).sourceSha256()).isNull();
        // Nothing is left for the recognize step to read.
        assertThat(store.outcomes().nextPending(JOB, 0, 1, 0)).isEmpty();
    }

    @Test
    void addSourceRefusesOtherContentForARecordedSeq() {
        add(JOB, 0, "a.jpg", "scan A");
        assertThatThrownBy(() -> add(JOB, 0, "b.jpg", "scan B")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void addSourceRefusesAHashThatIsNotOfTheBytes() {
        assertThatThrownBy(() -> store.intake().addSource(JOB, 0, "a.jpg", bytes("scan A"), sha256(bytes("scan B")), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameContentAgainIsARejectedDuplicateNamingTheFirstUpload() {
        long original = add(JOB, 0, "upload.zip!/day1/IMG_0412.jpg", "scan A");
        long sameJob = add(JOB, 1, "IMG_0412 (1).jpg", "scan A");
        long laterJob = add(JOB + 1, 0, "copy.jpg", "scan A");

        for (long dup : List.of(sameJob, laterJob)) {
            Map<String, Object> source = jdbc.queryForMap("select state, duplicate_of from source_file where id = ?", dup);
            assertThat(source).containsEntry("state", "DONE").containsEntry("duplicate_of", original);
            Map<String, Object> p = protocolOf(dup);
            assertThat(p).containsEntry("status", "REJECTED").containsEntry("rejection_code", "DUPLICATE")
                    .containsEntry("page_no", 0)
                    .containsEntry("rejection_message", "This file was already uploaded (upload.zip!/day1/IMG_0412.jpg).");
        }
        assertThat(jdbc.queryForList("select uid from protocol", String.class)).doesNotHaveDuplicates().hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from scan_blob", Long.class)).isOne();
        assertThat(store.outcomes().nextPending(JOB, 0, 1, 0)).map(OutcomeStore.PendingSource::id).contains(original);
        assertThat(store.outcomes().nextPending(JOB, 0, 1, original)).isEmpty();
    }

    @Test
    void aCopySentAgainAfterAnInternalErrorIsQueuedAndLaterCopiesAreItsDuplicates() {
        long failed = add(JOB, 0, "IMG_0412.jpg", "scan A");
        store.outcomes().saveOutcome(failed, List.of(PageOutcome.rejected(0, Rejection.of(RejectionCode.INTERNAL_ERROR))));

        // Sent again, it is read again, as a file of its own job; and when that fails too, once more.
        long again = add(JOB + 1, 0, "IMG_0412 again.jpg", "scan A");
        assertThat(jdbc.queryForMap("select state, duplicate_of from source_file where id = ?", again))
                .containsEntry("state", "PENDING").containsEntry("duplicate_of", null);
        assertThat(store.outcomes().nextPending(JOB + 1, 0, 1, 0)).map(OutcomeStore.PendingSource::id).contains(again);
        store.outcomes().saveOutcome(again, List.of(PageOutcome.rejected(0, Rejection.of(RejectionCode.INTERNAL_ERROR))));
        long third = add(JOB + 2, 0, "third.jpg", "scan A");
        store.outcomes().saveOutcome(third, List.of(PageOutcome.read(1, Protocols.verified())));
        long fourth = add(JOB + 3, 0, "fourth.jpg", "scan A");

        // The failures stay as they were, each under an id of its own; the reading has the content's usual id.
        assertThat(jdbc.queryForList("select uid from protocol order by id", String.class)).containsExactly(
                uid("scan A", "0"), uid("scan A", "resent1"), uid("scan A", "1"), uid("scan A", "dup3"));
        assertThat(protocolOf(failed)).containsEntry("rejection_code", "INTERNAL_ERROR");
        assertThat(jdbc.queryForObject("select duplicate_of from source_file where id = ?", Long.class, fourth)).isEqualTo(third);
        assertThat(protocolOf(fourth)).containsEntry("rejection_code", "DUPLICATE")
                .containsEntry("rejection_message", "This file was already uploaded (third.jpg).");
    }

    @Test
    void aCopyOfAFileRejectedForItsOwnFaultIsADuplicate() {
        long damaged = add(JOB, 0, "damaged.jpg", "damaged");
        store.outcomes().rejectSource(damaged, Rejection.of(RejectionCode.CORRUPT_FILE));

        long again = add(JOB + 1, 0, "damaged again.jpg", "damaged");

        assertThat(jdbc.queryForObject("select duplicate_of from source_file where id = ?", Long.class, again)).isEqualTo(damaged);
        assertThat(protocolOf(again)).containsEntry("rejection_code", "DUPLICATE");
        assertThat(store.outcomes().nextPending(JOB + 1, 0, 1, 0)).isEmpty();
    }

    private static String uid(String content, String page) {
        return sha256(bytes(content)).substring(0, 16) + "-" + page;
    }

    @Test
    void saveOutcomeTwiceStoresThePagesOnce() {
        long id = add(JOB, 0, "scan.pdf", "two pages");
        List<PageOutcome> outcomes = List.of(PageOutcome.read(1, Protocols.verified()),
                PageOutcome.rejected(2, Rejection.of(RejectionCode.NOT_A_PROTOCOL)));

        store.outcomes().saveOutcome(id, outcomes);
        store.outcomes().saveOutcome(id, outcomes);

        assertThat(jdbc.queryForList("select page_no from protocol order by page_no", Integer.class)).containsExactly(1, 2);
        assertThat(jdbc.queryForObject("select count(*) from protocol_field", Long.class)).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from protocol_check", Long.class)).isEqualTo(17);
        assertThat(jdbc.queryForObject("select state from source_file where id = ?", String.class, id)).isEqualTo("DONE");
        assertThat(store.outcomes().nextPending(JOB, 0, 1, 0)).isEmpty();
    }

    @Test
    void rejectSourceIsIdempotentAndEndsTheSource() {
        long id = add(JOB, 0, "notes.docx", "not an image");
        store.outcomes().rejectSource(id, Rejection.of(RejectionCode.UNSUPPORTED_TYPE));
        store.outcomes().rejectSource(id, Rejection.of(RejectionCode.UNSUPPORTED_TYPE));

        assertThat(jdbc.queryForObject("select count(*) from protocol", Long.class)).isOne();
        assertThat(protocolOf(id)).containsEntry("rejection_code", "UNSUPPORTED_TYPE").containsEntry("page_no", 0);
        assertThat(store.outcomes().nextPending(JOB, 0, 1, 0)).isEmpty();
    }

    @Test
    void storedProtocolReadsBackAsSaved() {
        long id = add(JOB, 0, "a.jpg", "scan A");
        ProtocolResult p = Protocols.needsReview();
        store.outcomes().saveOutcome(id, List.of(PageOutcome.read(1, p, null, PageTurn.HALF)));

        List<StoredProtocol> read = new ArrayList<>();
        store.pages().forEachProtocol(Set.of(), read::add);

        assertThat(read).singleElement().satisfies(s -> {
            assertThat(s.turn()).isEqualTo(PageTurn.HALF);
            assertThat(s.uid()).isEqualTo(sha256(bytes("scan A")).substring(0, 16) + "-1");
            assertThat(List.of(s.form(), s.lang(), s.precinct(), s.address()))
                    .containsExactly(p.form(), p.lang(), p.precinct(), p.address());
            assertThat(s.status()).isEqualTo(ProtocolStatus.NEEDS_REVIEW);
            assertThat(s.fields()).containsExactlyElementsOf(p.fields().values());
            assertThat(s.checks()).containsExactlyElementsOf(p.checks());
            assertThat(s.flags()).containsExactlyElementsOf(p.flags());
            assertThat(s.rejection()).isNull();
        });
    }

    @Test
    void forEachProtocolPagesThroughAllAndFiltersByStatus() {
        Stores smallPages = schema.stores(2);
        for (int i = 0; i < 5; i++) {
            long id = add(JOB, i, "p" + i + ".jpg", "scan " + i);
            smallPages.outcomes().saveOutcome(id, List.of(PageOutcome.read(1, i % 2 == 0 ? Protocols.verified() : Protocols.needsReview())));
        }
        List<String> all = new ArrayList<>();
        long n = smallPages.pages().forEachProtocol(Set.of(), p -> all.add(p.sourceName()));
        List<String> review = new ArrayList<>();
        smallPages.pages().forEachProtocol(Set.of(ProtocolStatus.NEEDS_REVIEW, ProtocolStatus.REJECTED), p -> review.add(p.sourceName()));

        assertThat(n).isEqualTo(5);
        assertThat(all).containsExactly("p0.jpg", "p1.jpg", "p2.jpg", "p3.jpg", "p4.jpg");
        assertThat(review).containsExactly("p1.jpg", "p3.jpg");
    }

    @Test
    void partitionsOfNextPendingCoverEveryPendingSourceOnce() {
        Set<Long> pending = new HashSet<>();
        for (int seq = 0; seq < 23; seq++) {
            pending.add(add(JOB, seq, "f" + seq + ".jpg", "content " + seq));
        }
        long done = add(JOB, 23, "done.jpg", "content done");
        store.outcomes().saveOutcome(done, List.of(PageOutcome.read(1, Protocols.verified())));
        add(JOB, 24, "dup.jpg", "content 3");
        add(JOB + 1, 0, "other-job.jpg", "content other");

        int grid = 4;
        List<Long> seen = new ArrayList<>();
        for (int partition = 0; partition < grid; partition++) {
            long after = 0;
            for (Optional<OutcomeStore.PendingSource> next; (next = store.outcomes().nextPending(JOB, partition, grid, after)).isPresent(); ) {
                after = next.get().id();
                assertThat(after % grid).isEqualTo(partition);
                assertThat(next.get().bytes()).isEqualTo(store.scans().scan(next.get().sha256()));
                seen.add(after);
            }
        }
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(pending);
    }

    @Test
    void summarizeCountsFilesProtocolsRejectionsAndFailedChecks() {
        long verified = add(JOB, 0, "v.jpg", "scan v");
        long review = add(JOB, 1, "r.jpg", "scan r");
        long docx = add(JOB, 2, "notes.docx", "docx");
        add(JOB, 3, "v again.jpg", "scan v");
        add(JOB, 4, "waiting.jpg", "scan w");
        long pdf = add(JOB, 5, "two.pdf", "scan pdf");
        add(JOB + 1, 0, "other job.jpg", "scan other");
        store.outcomes().saveOutcome(verified, List.of(PageOutcome.read(1, Protocols.verified())));
        store.outcomes().saveOutcome(review, List.of(PageOutcome.read(1, Protocols.needsReview())));
        store.outcomes().rejectSource(docx, Rejection.of(RejectionCode.UNSUPPORTED_TYPE));
        store.outcomes().saveOutcome(pdf, List.of(PageOutcome.read(1, Protocols.needsReview()),
                PageOutcome.rejected(2, Rejection.of(RejectionCode.NOT_A_PROTOCOL))));

        JobSummary s = store.jobs().summarize(JOB);

        assertThat(List.of(s.files(), s.pending(), s.duplicates(), s.protocols(), s.rejected()))
                .containsExactly(6L, 1L, 1L, 3L, 3L);
        assertThat(s.byStatus()).containsExactly(Map.entry(ProtocolStatus.VERIFIED, 1L),
                Map.entry(ProtocolStatus.NEEDS_REVIEW, 2L), Map.entry(ProtocolStatus.REVIEWED, 0L),
                Map.entry(ProtocolStatus.REJECTED, 3L));
        assertThat(s.rejectedByCode()).containsExactly(Map.entry("DUPLICATE", 1L), Map.entry("NOT_A_PROTOCOL", 1L),
                Map.entry("UNSUPPORTED_TYPE", 1L));
        assertThat(s.rejectedFiles()).extracting(JobSummary.RejectedFile::name)
                .containsExactly("notes.docx", "v again.jpg", "two.pdf");
        assertThat(s.failedChecks()).containsExactly(Map.entry("words_match", 4L), Map.entry("votes_balance", 2L));
        assertThat(s.toTable()).contains("protocols read", "UNSUPPORTED_TYPE", "This file was already uploaded (v.jpg).");
    }
}
