package kz.hattama.upload;

import kz.hattama.config.WebProperties;
import kz.hattama.store.StoreProperties;
import kz.hattama.store.TestDatabase;
import kz.hattama.store.UploadStore;
import kz.hattama.users.UserStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The consume folder holds whatever scanners and sync tools put there: links are never followed, bad files go aside. */
class ConsumeFolderSafetyTest {

    private TestDatabase.Schema schema;
    private JdbcTemplate jdbc;
    private UploadService service;
    private UserStore users;
    private WebProperties web;
    @TempDir
    Path temp;
    private Path consume;

    @BeforeEach
    void setUp() {
        schema = TestDatabase.migratedSchema();
        jdbc = schema.jdbc();
        UploadStore uploads = new UploadStore(jdbc, new DataSourceTransactionManager(schema.dataSource()));
        users = new UserStore(jdbc, new BCryptPasswordEncoder(4));
        consume = temp.resolve("consume");
        web = new WebProperties(8080, 5, consume, "admin", null, 0, 0, 5, 20, 15);
        service = new UploadService(uploads, users, event -> {
        }, new StoreProperties(temp.resolve("data"), new StoreProperties.Db(null, null, null, 0)), web);
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }

    private List<String> queuedNames() {
        return jdbc.queryForList("select name from upload_file order by id", String.class);
    }

    @Test
    void symbolicLinksToFilesOrFoldersOutsideAreNeverReadButMovedAsideWithTheReason() throws Exception {
        Path secret = Files.writeString(temp.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createDirectories(consume.resolve("tray"));
        Files.createSymbolicLink(consume.resolve("tray/IMG_0001.jpg"), secret);
        Files.createSymbolicLink(consume.resolve("etc"), temp);
        Files.writeString(consume.resolve("tray/IMG_0002.jpg"), "a scan");
        ConsumeFolder watcher = new ConsumeFolder(web, service, users);

        watcher.look();
        watcher.look();
        watcher.look();

        assertThat(queuedNames()).containsExactly("tray/IMG_0002.jpg");
        Path quarantine = consume.resolve(".quarantine");
        assertThat(Files.isSymbolicLink(quarantine.resolve("tray/IMG_0001.jpg"))).isTrue();
        assertThat(Files.isSymbolicLink(quarantine.resolve("etc"))).isTrue();
        assertThat(Files.readString(quarantine.resolve("tray/IMG_0001.jpg.reason.txt"))).contains("symbolic link");
        assertThat(consume.resolve("tray/IMG_0001.jpg")).doesNotExist();
        assertThat(Files.readString(secret)).startsWith("root:x:0:0");
        // Nothing the links point at reached an upload folder.
        try (var saved = Files.walk(temp.resolve("data"))) {
            assertThat(saved.filter(Files::isRegularFile).map(ConsumeFolderSafetyTest::read)).doesNotContain(Files.readString(secret));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFileThatCannotBeReadThreeTimesIsQuarantinedWithItsReasonAndHoldsUpNoOtherFile() throws Exception {
        Files.createDirectories(consume);
        Files.writeString(consume.resolve("locked.jpg"), "the server's account may not read this");
        Files.writeString(consume.resolve("ok.jpg"), "a scan");
        // As if the file's permissions shut the server out (the tests run as root, which no permission stops).
        ConsumeFolder watcher = new ConsumeFolder(web, service, users, file -> {
            if (file.getFileName().toString().equals("locked.jpg")) {
                throw new AccessDeniedException(file.toString());
            }
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        });

        watcher.look();   // both seen
        watcher.look();   // ok.jpg queued; locked.jpg fails once
        assertThat(queuedNames()).containsExactly("ok.jpg");
        watcher.look();   // fails twice
        assertThat(consume.resolve("locked.jpg")).exists();
        watcher.look();   // three times: moved aside
        watcher.look();
        watcher.look();

        assertThat(consume.resolve("locked.jpg")).doesNotExist();
        Path moved = consume.resolve(".quarantine/locked.jpg");
        assertThat(moved).hasContent("the server's account may not read this");
        assertThat(Files.readString(consume.resolve(".quarantine/locked.jpg.reason.txt")))
                .contains("locked.jpg").contains("could not be read 3 times running").contains("AccessDeniedException");
        // The quarantine is not consumed itself.
        assertThat(queuedNames()).containsExactly("ok.jpg");
        assertThat(jdbc.queryForObject("select count(*) from upload_batch", Long.class)).isOne();
    }
}
