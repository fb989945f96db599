package kz.hattama.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload queue's order: uploaders take turns. */
class UploadStoreTest {

    private static TestDatabase.Schema schema;
    private static UploadStore uploads;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrate() {
        schema = TestDatabase.migratedSchema();
        jdbc = schema.jdbc();
        uploads = new UploadStore(jdbc, new DataSourceTransactionManager(schema.dataSource()));
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    private long user(String login) {
        return jdbc.queryForObject("insert into app_user (login, password_hash, role) values (?, 'x', 'VOLUNTEER') returning id",
                Long.class, login);
    }

    private long queue(Long user, String folder) {
        return uploads.queue(user, UploadStore.Origin.WEB, Path.of("/tmp/uploads", folder),
                List.of(new UploadStore.SavedFile("IMG_0001.jpg", 1000))).id();
    }

    /** Runs the queue as UploadQueue does (one batch at a time, each read to the end) and lists who was served. */
    private List<Long> serveAll() {
        List<Long> order = new ArrayList<>();
        long job = 1;
        for (var next = uploads.nextToRun(); next.isPresent(); next = uploads.nextToRun()) {
            uploads.started(next.get().id(), job);
            uploads.read(next.get().id(), job++);
            order.add(next.get().id());
        }
        return order;
    }

    @Test
    void aVolunteersThreeFilesAreReadBeforeMostOfAnotherVolunteersTenThousand() {
        long a = user("ana");
        long b = user("bek");
        List<Long> anas = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            anas.add(queue(a, "ana-" + i));  // 10 000 files, in the largest batches a request may bring
        }
        // Ana's first batch is being read when Bek uploads.
        long first = uploads.nextToRun().orElseThrow().id();
        uploads.started(first, 1_000);
        long beks = queue(b, "bek");
        long scanner = queue(null, "consume");

        uploads.read(first, 1_000);
        List<Long> order = serveAll();

        assertThat(first).isEqualTo(anas.get(0));
        // Bek and the consume folder each wait for one of Ana's batches at most, not for ninety-nine.
        assertThat(order.indexOf(beks)).isLessThanOrEqualTo(1);
        assertThat(order.indexOf(scanner)).isLessThanOrEqualTo(2);
        assertThat(order).hasSize(101);
        // Ana's own batches keep their order.
        assertThat(order.stream().filter(anas::contains).toList()).isEqualTo(anas.subList(1, 100));
    }

    @Test
    void aBatchAStoppedServerLeftRunningComesFirst() {
        long c = user("cem");
        long waiting = queue(c, "cem-1");
        long running = queue(user("dan"), "dan-1");
        uploads.started(running, 5_000);

        assertThat(uploads.nextToRun().orElseThrow().id()).isEqualTo(running);
        uploads.read(running, 5_000);
        assertThat(uploads.nextToRun().orElseThrow().id()).isEqualTo(waiting);
        uploads.read(waiting, 5_001);
    }
}
