package kz.hattama.web;

import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Files a scanner or sync tool leaves in HATTAMA_CONSUME_DIR are read like uploads. */
class ConsumeFolderTest extends WebTestBase {

    @Test
    void aFileInAUsersFolderBecomesTheirUploadAndLeavesTheFolder() throws Exception {
        AppUser scanner = user("scan", Role.VOLUNTEER);
        Path file = CONSUME_DIR.resolve(scanner.login()).resolve("tray 1/notes.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "a page of notes, not a protocol");
        Path partial = CONSUME_DIR.resolve(scanner.login()).resolve("IMG_0001.jpg.part");
        Files.writeString(partial, "still being written");

        long deadline = System.currentTimeMillis() + 120_000;
        List<Map<String, Object>> outcome = List.of();
        while (System.currentTimeMillis() < deadline && outcome.isEmpty()) {
            Thread.sleep(500);
            outcome = jdbc.queryForList("""
                    select f.name, b.origin, p.status, p.rejection_code
                      from upload_batch b join upload_file f on f.batch_id = b.id
                      join source_file s on s.job_instance_id = b.job_instance_id and s.name = f.name
                      join protocol p on p.source_id = s.id
                     where b.user_id = ?""", scanner.id());
        }

        assertThat(outcome).containsExactly(Map.of("name", "tray 1/notes.txt", "origin", "CONSUME",
                "status", "REJECTED", "rejection_code", "UNSUPPORTED_TYPE"));
        assertThat(file).doesNotExist();
        assertThat(partial).exists();
    }
}
