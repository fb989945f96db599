package kz.hattama.web;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.protocol.ProtocolResult;
import kz.hattama.store.Protocols;
import kz.hattama.store.UploadStore;
import kz.hattama.upload.BatchQueued;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app shared by many people: sessions end when an account changes, logins are throttled, a volunteer does not
 * see other people's protocols through flags, quotas, and a crash between a job's end and the queue's bookkeeping.
 */
class SharedServiceTest extends WebTestBase {

    @Autowired
    UploadStore uploads;
    @Autowired
    ApplicationEventPublisher events;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postForm(Session s, String path, String form) {
        return s.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(s.csrf))));
    }

    private HttpResponse<String> login(String login, String password) {
        Session s = new Session();
        String page = s.get("/login").body();
        String csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        return s.send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(login) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf))));
    }

    private static void assertSentToLogin(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
    }

    @Test
    void disablingAUserOnTheAdminPageEndsTheirSessionAndTheirTokensAtOnce() {
        AppUser vera = user("vera", Role.VOLUNTEER);
        String token = users.newToken(vera.id(), "bot").secret();
        Session v = new Session().login(vera);
        Session admin = new Session().login(user("adm", Role.ADMIN));
        assertThat(v.get("/upload").statusCode()).isEqualTo(200);

        // Saving the user unchanged ends nothing.
        assertThat(postForm(admin, "/admin/users/" + vera.id(), "role=VOLUNTEER&enabled=true").statusCode()).isEqualTo(302);
        assertThat(v.get("/upload").statusCode()).isEqualTo(200);

        assertThat(postForm(admin, "/admin/users/" + vera.id(), "role=VOLUNTEER").statusCode()).isEqualTo(302);

        assertSentToLogin(v.get("/upload"));
        // The session is gone: the next request is anonymous.
        assertThat(v.get("/api/uploads").statusCode()).isEqualTo(401);
        assertThat(new Session().send(HttpRequest.newBuilder(URI.create(url("/api/uploads")))
                .header("Authorization", "Bearer " + token).GET()).statusCode()).isEqualTo(401);
        assertThat(v.get("/login?expired").body()).contains("Your session has ended because your account was changed.");
    }

    @Test
    void aDemotedReviewerAndAUserWhosePasswordChangedInAnotherProcessAreSignedOut() {
        AppUser rita = user("rita", Role.REVIEWER);
        AppUser pavel = user("pavel", Role.VOLUNTEER);
        Session r = new Session().login(rita);
        Session p = new Session().login(pavel);
        assertThat(r.get("/review").statusCode()).isEqualTo(200);
        assertThat(p.get("/api/uploads").statusCode()).isEqualTo(200);

        // What `hattama user passwd` and another server's admin page write: only the database is shared.
        jdbc.update("update app_user set role = 'VOLUNTEER', credentials_version = credentials_version + 1 where id = ?", rita.id());
        users.setPassword(pavel.id(), "a brand new secret");

        assertSentToLogin(r.get("/review"));
        assertThat(p.get("/api/uploads").statusCode()).isEqualTo(401);
        assertThat(login(pavel.login(), "a brand new secret").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
    }

    @Test
    void afterFiveWrongPasswordsTheAccountIsLockedEvenForTheRightOneWithTheReasonShown() {
        AppUser lena = user("lena", Role.VOLUNTEER);
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(login(lena.login(), "wrong guess " + i).headers().firstValue("Location"))
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            }

            HttpResponse<String> refused = login(lena.login(), PASSWORD);

            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?locked=15"));
            Session s = new Session();
            assertThat(s.send(HttpRequest.newBuilder(URI.create(url("/login?locked=15"))).header("Accept-Language", "ru").GET()).body())
                    .contains("Слишком много неудачных попыток входа. Попробуйте снова через 15 мин.");
            // Another account from the same address is not locked by these five.
            assertThat(login(user("olga", Role.VOLUNTEER).login(), PASSWORD).headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).doesNotContain("error").doesNotContain("locked"));
        } finally {
            // Every test logs in from 127.0.0.1: leave the address's count as it was.
            jdbc.update("delete from login_failure where login = ?", lena.login());
        }
    }

    @Test
    void aVolunteerDoesNotSeeTheOtherProtocolAConflictFlagNamesButAReviewerDoes() {
        AppUser alice = user("alice", Role.VOLUNTEER);
        AppUser bob = user("bob", Role.VOLUNTEER);
        ProtocolResult same = Protocols.verified();
        ProtocolResult clean = new ProtocolResult(same.form(), same.lang(), "90417", same.address(), same.fields(),
                same.checks(), same.flags(), same.status(), same.precinctStatus(), same.precinctConfidence(), same.precinctReasons());
        long alices = storedProtocol(alice.id(), "IMG_1.jpg", clean, null);
        long bobs = storedProtocol(bob.id(), "IMG_2.jpg", Protocols.needsReview("90417"), null);
        Session reviewer = new Session().login(user("rev", Role.REVIEWER));
        JsonNode reviewed = json(reviewer.get("/api/protocols/" + alices));
        String bobsUid = json(reviewer.get("/api/protocols/" + bobs)).get("id").asText();
        assertThat(reviewed.get("flags").toString()).contains("precinct_conflict").contains(bobsUid);

        Session a = new Session().login(alice);
        HttpResponse<String> own = a.get("/api/protocols/" + alices);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("precinct_conflict").doesNotContain(bobsUid);
        assertThat(json(own).get("status").asText()).isEqualTo("VERIFIED");
        assertThat(a.get("/sources/" + sourceOf(alices)).body()).doesNotContain(bobsUid).doesNotContain("precinct_conflict");
    }

    private HttpResponse<String> upload(Session s, int files, int bytesEach) {
        String boundary = "----hattama-quota";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < files; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"q")
                    .append(i).append(".txt\"\r\nContent-Type: text/plain\r\n\r\n").append("x".repeat(bytesEach)).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return s.send(HttpRequest.newBuilder(URI.create(url("/api/uploads")))
                .header("X-CSRF-TOKEN", s.csrf).header("Accept-Language", "kk")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    @Test
    void aVolunteerOverTheDailyFileOrByteQuotaIsToldSoAndNothingIsQueued() {
        // The test app allows 12 files and 8 MB a day (WebTestBase).
        AppUser many = user("many", Role.VOLUNTEER);
        Session s = new Session().login(many);
        assertThat(upload(s, 5, 10).statusCode()).isEqualTo(202);
        assertThat(upload(s, 5, 10).statusCode()).isEqualTo(202);

        HttpResponse<String> refused = upload(s, 3, 10);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("code").asText()).isEqualTo("QUOTA_FILES_EXCEEDED");
        assertThat(json(refused).get("detail").asText()).startsWith("24 сағаттағы 12 файл шегіңізге жеттіңіз.");
        assertThat(upload(s, 2, 10).statusCode()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select count(*) from upload_file f join upload_batch b on b.id = f.batch_id"
                + " where b.user_id = ?", Long.class, many.id())).isEqualTo(12);

        Session big = new Session().login(user("big", Role.VOLUNTEER));
        assertThat(upload(big, 1, 5_000_000).statusCode()).isEqualTo(202);
        HttpResponse<String> tooMuch = upload(big, 1, 5_000_000);
        assertThat(tooMuch.statusCode()).isEqualTo(429);
        assertThat(json(tooMuch).get("code").asText()).isEqualTo("QUOTA_MB_EXCEEDED");

        // Admins are not metered.
        Session admin = new Session().login(user("root", Role.ADMIN));
        for (int i = 0; i < 3; i++) {
            assertThat(upload(admin, 5, 10).statusCode()).isEqualTo(202);
        }
    }

    private Map<String, Object> awaitDone(long batchId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        Map<String, Object> row = Map.of();
        while (System.currentTimeMillis() < deadline) {
            row = jdbc.queryForMap("select state, job_instance_id, folder from upload_batch where id = ?", batchId);
            if ("DONE".equals(row.get("state"))) {
                return row;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("batch " + batchId + " not read: " + row);
    }

    @Test
    void aBatchReadBeforeACrashCutItsBookkeepingShortIsMarkedDoneNotReadAgainAndStaysItsUploaders() throws Exception {
        AppUser vera = user("crash", Role.VOLUNTEER);
        Session s = new Session().login(vera);
        HttpResponse<String> sent = upload(s, 1, 40);
        assertThat(sent.statusCode()).isEqualTo(202);
        long batch = json(sent).get("id").asLong();
        Map<String, Object> read = awaitDone(batch);
        long instance = ((Number) read.get("job_instance_id")).longValue();
        String folder = (String) read.get("folder");
        long source = jdbc.queryForObject("select id from source_file where job_instance_id = ?", Long.class, instance);
        assertThat(uploads.ownerOfSource(source)).hasValue(vera.id());

        // The crash point: the job COMPLETED, but the server died before the queue marked the batch and removed its
        // folder. At the next start the batch is RUNNING, its files still in place.
        Files.createDirectories(Path.of(folder));
        Files.writeString(Path.of(folder, "q0.txt"), "x".repeat(40));
        jdbc.update("update upload_batch set state = 'RUNNING', finished_at = null where id = ?", batch);
        events.publishEvent(new BatchQueued(batch));

        Map<String, Object> again = awaitDone(batch);

        assertThat(((Number) again.get("job_instance_id")).longValue()).isEqualTo(instance);
        assertThat(jdbc.queryForObject("select count(*) from batch_job_execution_params where parameter_name = 'inputs'"
                + " and parameter_value = ?", Long.class, folder)).as("digitize runs over the batch's folder").isOne();
        assertThat(uploads.ownerOfSource(source)).hasValue(vera.id());
        assertThat(json(s.get("/api/uploads/" + batch)).get("files").get(0).get("outcomes")).hasSize(1);
        assertThat(Path.of(folder)).doesNotExist();
    }

    @Test
    void aVolunteerWhoseFileDuplicatesAnotherPersonsUploadIsNotToldThatUploadsName() {
        AppUser alice = user("alice", Role.VOLUNTEER);
        AppUser bob = user("bob", Role.VOLUNTEER);
        byte[] scan = ("the same photo " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        long alicesSource = storedFile(alice.id(), "Alice_Karimova_precinct_12.jpg", scan);
        long bobsSource = storedFile(bob.id(), "IMG_0412.jpg", scan);
        long bobsProtocol = jdbc.queryForObject("select id from protocol where source_id = ?", Long.class, bobsSource);
        assertThat(jdbc.queryForObject("select duplicate_of from source_file where id = ?", Long.class, bobsSource))
                .isEqualTo(alicesSource);

        Session b = new Session().login(bob);
        HttpResponse<String> record = b.get("/api/protocols/" + bobsProtocol);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(json(record).get("rejection").get("code").asText()).isEqualTo("DUPLICATE");
        assertThat(record.body()).doesNotContain("Alice_Karimova");
        assertThat(b.get("/sources/" + bobsSource).body()).doesNotContain("Alice_Karimova");
        assertThat(b.get("/api/uploads?limit=20").body()).contains("IMG_0412.jpg").doesNotContain("Alice_Karimova");

        Session a = new Session().login(alice);
        assertThat(a.get("/api/uploads?limit=20").body()).contains("Alice_Karimova");
        Session reviewer = new Session().login(user("rev2", Role.REVIEWER));
        assertThat(reviewer.get("/sources/" + bobsSource).body()).contains("Alice_Karimova");
    }

    /** A file of {@code owner}'s upload, stored as intake stores it (a duplicate when the bytes were stored before). */
    private long storedFile(long owner, String name, byte[] bytes) {
        long job = 900_000 + jdbc.queryForObject("select count(*) from upload_batch", Long.class);
        long batch = jdbc.queryForObject("""
                insert into upload_batch (user_id, origin, folder, state, job_instance_id, finished_at)
                values (?, 'WEB', ?, 'DONE', ?, now()) returning id""", Long.class, owner, "/nonexistent/" + job, job);
        jdbc.update("insert into upload_file (batch_id, seq, name, size_bytes) values (?, 0, ?, ?)", batch, name, bytes.length);
        return intake.addSource(job, 0, name, bytes, kz.hattama.store.Protocols.sha256(bytes), "image/jpeg");
    }
}
