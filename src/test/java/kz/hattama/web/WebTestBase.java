package kz.hattama.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.hattama.HattamaApplication;
import kz.hattama.protocol.PageOutcome;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.store.IntakeStore;
import kz.hattama.store.OutcomeStore;
import kz.hattama.store.TestDatabase;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import kz.hattama.users.UserStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app on a random port, on a schema of the test PostgreSQL, with its own data and consume folders. Every
 * web test class extends this one unchanged, so they all share one running application.
 */
@SpringBootTest(classes = HattamaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class WebTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    private static final TestDatabase.Schema SCHEMA = TestDatabase.emptySchema();
    static final Path DATA_DIR = tempDir("hattama-web-data");
    static final Path CONSUME_DIR = tempDir("hattama-web-consume");
    /** Fixture files are recorded under job instances no real run uses, so that the queue never meets them. */
    private static final AtomicLong FIXTURE_JOB = new AtomicLong(1_000_000_000L);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry r) {
        r.add("hattama.db.url", SCHEMA::url);
        r.add("hattama.db.user", SCHEMA::user);
        r.add("hattama.db.password", () -> SCHEMA.password() == null ? "" : SCHEMA.password());
        r.add("hattama.data-dir", DATA_DIR::toString);
        r.add("hattama.consume-dir", CONSUME_DIR::toString);
        r.add("hattama.workers", () -> "2");
        r.add("hattama.max-files-per-upload", () -> "5");
        r.add("hattama.quota-files", () -> "12");
        r.add("hattama.quota-mb", () -> "8");
        r.add("hattama.admin-password", () -> PASSWORD);
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            // The application shares one context across test classes, so only the JVM's end knows it is done.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    UserStore users;
    @Autowired
    IntakeStore intake;
    @Autowired
    OutcomeStore outcomes;
    @Autowired
    JdbcTemplate jdbc;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new user with a login no other test uses. */
    AppUser user(String prefix, Role role) {
        return users.add(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), PASSWORD, role);
    }

    /**
     * A protocol stored as if {@code owner} had uploaded it (null: read by the CLI), with {@code pageImage} as its
     * normalized page; returns its id.
     */
    long storedProtocol(Long owner, String name, ProtocolResult protocol, byte[] pageImage) {
        long job = FIXTURE_JOB.incrementAndGet();
        if (owner != null) {
            jdbc.update("""
                    insert into upload_batch (user_id, origin, folder, state, job_instance_id, finished_at)
                    values (?, 'WEB', ?, 'DONE', ?, now())""", owner, "/nonexistent/" + job, job);
        }
        byte[] scan = (name + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long source = intake.addSource(job, 0, name, scan, kz.hattama.store.Protocols.sha256(scan), "image/jpeg");
        outcomes.saveOutcome(source, List.of(PageOutcome.read(1, protocol, pageImage)));
        return jdbc.queryForObject("select id from protocol where source_id = ?", Long.class, source);
    }

    long sourceOf(long protocolId) {
        return jdbc.queryForObject("select source_id from protocol where id = ?", Long.class, protocolId);
    }

    /** An HTTP client with its own cookies: one browser session. */
    final class Session {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String csrf;

        Session login(AppUser user) {
            HttpResponse<String> page = get("/login");
            String token = csrfOf(page.body());
            HttpResponse<String> done = send(HttpRequest.newBuilder(URI.create(url("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user.login()) + "&password="
                            + enc(PASSWORD) + "&_csrf=" + enc(token))));
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            csrf = csrfOf(get("/account").body());
            return this;
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
        }

        HttpResponse<String> postJson(String path, Object body) {
            try {
                return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                        .header("X-CSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpRequest r = request.header("Accept", "application/json, text/html").build();
                // Pages are in English for these tests, as for a browser asking for it (without a choice: Russian).
                if (r.headers().firstValue("Accept-Language").isEmpty()) {
                    r = HttpRequest.newBuilder(r, (name, value) -> true).header("Accept-Language", "en").build();
                }
                return http.send(r, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(response.body(), e);
        }
    }

    private static String csrfOf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
