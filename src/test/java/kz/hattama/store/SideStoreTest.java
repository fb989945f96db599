package kz.hattama.store;

import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.PageReading;
import kz.hattama.protocol.PageTurn;
import kz.hattama.protocol.SideGroup;
import kz.hattama.protocol.SidePage;
import kz.hattama.reconcile.PrecinctJudge;
import kz.hattama.reconcile.Reconciler;
import kz.hattama.reconcile.SideJoiner;
import kz.hattama.reconcile.SideJoinerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.util.List;

import static kz.hattama.store.Protocols.bytes;
import static kz.hattama.store.Protocols.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/** Sides stored, grouped into protocols and joined later: each write safe to repeat. */
class SideStoreTest {

    private static TestDatabase.Schema schema;
    private static TestDatabase.Stores stores;
    private static SideStore sides;
    private final SideJoiner joiner = new SideJoiner(Protocols.FORM, new PrecinctJudge(0.9));
    private final Reconciler reconciler = new Reconciler(Protocols.FORM, 0.9, 0.9, 0.1, 0.999);

    @BeforeAll
    static void migrate() {
        schema = TestDatabase.migratedSchema();
        stores = schema.stores();
        sides = new SideStore(schema.jdbc(), new DataSourceTransactionManager(schema.dataSource()), stores.outcomes());
    }

    @BeforeEach
    void empty() {
        schema.jdbc().execute("delete from side_page; delete from upload_batch");
        schema.truncate();
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    /** A file of job {@code job} whose one page shows one side. */
    private static long sideFile(long job, String name, PageReading reading) {
        byte[] b = bytes(name + job);
        long source = stores.intake().addSource(job, 0, name, b, sha256(b), "image/jpeg");
        stores.outcomes().saveOutcome(source, List.of(PageOutcome.side(1, reading, bytes("jpeg of " + name), PageTurn.NONE)));
        return source;
    }

    private void join(SideGroup group) {
        List<PageReading> readings = group.readings();
        sides.save(group, reconciler.reconcile(joiner.join(readings)), joiner.pageOf(readings), joiner.signaturePage(readings));
    }

    private String failed(long protocol, String check) {
        return schema.jdbc().queryForObject("select string_agg(detail, ',') from protocol_check where protocol_id = ? and check_id = ? and not passed",
                String.class, protocol, check);
    }

    @Test
    void aSideAloneIsAnIncompleteProtocolThatTheOtherSideJoinsLaterOnce() {
        sideFile(1, "IMG_0412.jpg", SideJoinerTest.side(1, "237", true));
        List<SidePage> first = sides.unjoined(1);
        assertThat(first).hasSize(1);
        join(SideGroup.of(first));
        long protocol = schema.jdbc().queryForObject("select id from protocol", Long.class);
        assertThat(failed(protocol, "pages_complete")).isEqualTo("side 2 missing");
        assertThat(sides.unjoined(1)).isEmpty();

        sideFile(2, "IMG_0415.jpg", SideJoinerTest.side(2, "237", true));
        SidePage back = sides.unjoined(2).get(0);
        assertThat(sides.openProtocolFor(back, "238", Protocols.FORM.id())).isEmpty();
        SideGroup group = sides.openProtocolFor(back, "237", Protocols.FORM.id()).orElseThrow();
        assertThat(group.protocolId()).isEqualTo(protocol);
        assertThat(group.stored()).isEqualTo(1);
        join(group);
        join(group);  // a replayed chunk changes nothing

        assertThat(failed(protocol, "pages_complete")).isNull();
        assertThat(schema.jdbc().queryForObject("select count(*) from protocol", Long.class)).isEqualTo(1);
        assertThat(schema.jdbc().queryForObject("select count(*) from protocol_page where protocol_id = ?", Long.class, protocol))
                .isEqualTo(1);
        StoredProtocol stored = stores.protocols().protocol(protocol).orElseThrow();
        assertThat(stored.sources()).extracting(StoredProtocol.Page::sourceName).containsExactly("IMG_0412.jpg", "IMG_0415.jpg");
        assertThat(stored.fieldPages()).containsEntry("party_1", 1).doesNotContainKey("voters_total");
        assertThat(stored.fields()).allSatisfy(f -> assertThat(f.value()).isNotNull());
        assertThat(stores.scans().pageImage(protocol, 1)).contains(bytes("jpeg of IMG_0415.jpg"));
        assertThat(stored.signatureBox()).isNull();
    }

    @Test
    void aSideAReviewerUploadedForAProtocolJoinsItWhateverNumberItShowsAndTheNumberGoesToReview() {
        sideFile(1, "IMG_0412.jpg", SideJoinerTest.side(1, "237", true));
        join(SideGroup.of(sides.unjoined(1)));
        long protocol = schema.jdbc().queryForObject("select id from protocol", Long.class);
        long back = sideFile(2, "IMG_0999.jpg", SideJoinerTest.side(2, "987", true));
        SidePage page = sides.unjoined(2).get(0);
        assertThat(sides.attachedProtocolFor(page)).isEmpty();

        schema.jdbc().update("insert into upload_batch (origin, folder, state, job_instance_id, attach_to) values ('WEB', '/x', 'DONE', 2, ?)",
                protocol);
        SideGroup group = sides.attachedProtocolFor(page).orElseThrow();
        join(group);

        StoredProtocol stored = stores.protocols().protocol(protocol).orElseThrow();
        assertThat(stored.morePages()).extracting(StoredProtocol.Page::sourceId).containsExactly(back);
        assertThat(failed(protocol, "pages_complete")).isNull();
        assertThat(stored.precinctStatus()).isEqualTo(kz.hattama.protocol.FieldStatus.NEEDS_REVIEW);
    }
}
