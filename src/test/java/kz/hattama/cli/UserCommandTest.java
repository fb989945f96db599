package kz.hattama.cli;

import kz.hattama.HattamaApplication;
import kz.hattama.store.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hattama user add}: the first admin without the web app. */
class UserCommandTest {

    private TestDatabase.Schema schema;
    private final Map<String, String> saved = new HashMap<>();
    private final InputStream stdin = System.in;

    @BeforeEach
    void database() {
        schema = TestDatabase.emptySchema();
        set("hattama.db.url", schema.url());
        set("hattama.db.user", schema.user());
        set("hattama.db.password", schema.password() == null ? "" : schema.password());
    }

    private void set(String key, String value) {
        saved.put(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    @AfterEach
    void restore() {
        System.setIn(stdin);
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        schema.close();
    }

    private int run(String stdinText, String... args) {
        System.setIn(new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8)));
        return HattamaApplication.run(args);
    }

    @Test
    void anAdminIsAddedWithAHashedPasswordReadFromStandardInput() {
        assertThat(run("a long secret\n", "user", "add", "--role", "ADMIN", "ada")).isZero();

        Map<String, Object> row = schema.jdbc().queryForMap("select role, password_hash from app_user where login = 'ada'");
        assertThat(row.get("role")).isEqualTo("ADMIN");
        assertThat((String) row.get("password_hash")).doesNotContain("a long secret");
        assertThat(new BCryptPasswordEncoder().matches("a long secret", (String) row.get("password_hash"))).isTrue();
        // A taken login or a short password is refused, and nothing changes.
        assertThat(run("another secret\n", "user", "add", "ada")).isEqualTo(2);
        assertThat(run("short\n", "user", "add", "bea")).isEqualTo(2);
        assertThat(schema.jdbc().queryForObject("select count(*) from app_user", Long.class)).isOne();
    }

    @Test
    void anInvitationIsPrintedWithItsLinkAndStoredAsAHashOnly() {
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit;
        try {
            set("hattama.telegram.bot-name", "observers_bot");
            exit = run("", "user", "invite", "--role", "VOLUNTEER", "aigerim");
        } finally {
            System.setOut(out);
        }
        assertThat(exit).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("https://t\\.me/observers_bot\\?start=([A-Za-z0-9_-]{20,64})")
                .matcher(printed.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(schema.jdbc().queryForObject("select role from app_user where login = 'aigerim'", String.class))
                .isEqualTo("VOLUNTEER");
        assertThat(schema.jdbc().queryForObject("select count(*) from bot_invite where code_sha256 = ?", Long.class,
                kz.hattama.protocol.Hashes.sha256(m.group(1).getBytes(StandardCharsets.UTF_8)))).isOne();
        assertThat(schema.jdbc().queryForObject("select count(*) from bot_invite where code_sha256 = ?", Long.class,
                m.group(1))).isZero();
    }
}
