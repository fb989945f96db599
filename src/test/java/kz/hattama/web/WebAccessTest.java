package kz.hattama.web;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.store.Protocols;
import kz.hattama.users.AppUser;
import kz.hattama.users.Role;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may open what, and two reviewers saving the same protocol. */
class WebAccessTest extends WebTestBase {

    @Test
    void aVolunteerCannotOpenTheReviewPagesNorAnotherVolunteersScans() {
        AppUser alice = user("alice", Role.VOLUNTEER);
        AppUser bob = user("bob", Role.VOLUNTEER);
        long bobs = storedProtocol(bob.id(), "IMG_0412.jpg", Protocols.needsReview(), new byte[]{1, 2, 3});
        long alices = storedProtocol(alice.id(), "IMG_0413.jpg", Protocols.verified(), new byte[]{4, 5, 6});
        Session a = new Session().login(alice);

        assertThat(a.get("/review").statusCode()).isEqualTo(403);
        assertThat(a.get("/stats").statusCode()).isEqualTo(403);
        assertThat(a.get("/review/" + bobs).statusCode()).isEqualTo(403);
        assertThat(a.get("/review/" + alices).statusCode()).isEqualTo(403);
        assertThat(a.get("/api/review/queue").statusCode()).isEqualTo(403);
        assertThat(a.postJson("/api/review/" + alices, Map.of("version", 0, "values", Map.of())).statusCode()).isEqualTo(403);
        assertThat(a.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(a.get("/api/admin/export").statusCode()).isEqualTo(403);

        // Another's files are as missing as files that never were: a 403 would tell which ids exist.
        assertThat(a.get("/api/sources/" + sourceOf(bobs) + "/scan").statusCode()).isEqualTo(404);
        assertThat(a.get("/api/protocols/" + bobs + "/page.jpg").statusCode()).isEqualTo(404);
        assertThat(a.get("/api/protocols/" + bobs).statusCode()).isEqualTo(404);
        assertThat(a.get("/sources/" + sourceOf(bobs)).statusCode()).isEqualTo(404);

        // Her own she may see.
        assertThat(a.get("/api/sources/" + sourceOf(alices) + "/scan").statusCode()).isEqualTo(200);
        HttpResponse<String> page = a.get("/api/protocols/" + alices + "/page.jpg");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(json(a.get("/api/protocols/" + alices)).get("status").asText()).isEqualTo("VERIFIED");
        assertThat(a.get("/sources/" + sourceOf(alices)).statusCode()).isEqualTo(200);

        // A reviewer sees everyone's.
        Session r = new Session().login(user("rita", Role.REVIEWER));
        assertThat(r.get("/api/sources/" + sourceOf(bobs) + "/scan").statusCode()).isEqualTo(200);
        assertThat(r.get("/review/" + bobs).statusCode()).isEqualTo(200);
    }

    @Test
    void nobodyGetsInWithoutLoggingInAndTheApiAnswersWithAStatusNotTheLoginPage() {
        long any = storedProtocol(null, "cli.jpg", Protocols.verified(), new byte[]{7});
        Session anonymous = new Session();

        assertThat(anonymous.get("/api/protocols/" + any).statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/protocols/" + any + "/page.jpg").statusCode()).isEqualTo(401);
        HttpResponse<String> page = anonymous.get("/upload");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        // The API description is public: it holds no data.
        assertThat(anonymous.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(json(anonymous.get("/v3/api-docs")).get("paths").has("/api/uploads")).isTrue();
    }

    @Test
    void aReviewerSeesTheStatisticsPageInTheAppWithItsChartsAndLinksToTheProtocolsToLookInto() {
        storedProtocol(null, "stats.jpg", Protocols.verified(), new byte[]{9, 9});
        // A precinct number of its own: the precinct's row then counts this protocol, whatever other tests store.
        long id = storedProtocol(null, "stats-failing.jpg", Protocols.needsReview("48151"), null);
        Session s = new Session().login(user("analyst", Role.REVIEWER));

        HttpResponse<String> page = s.get("/stats");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Results from the protocols · Hattama</title>")
                .contains("href=\"/review\"").contains("href=\"/upload\"").contains("hreflang=\"kk\"")
                .contains("<h2>All protocols as they stand</h2>").contains("<h3>Flagged precincts</h3>")
                .contains("<div class=\"stats-report\">").contains("<canvas id=\"turnout-all\"")
                // The chart library travels inside the page: no CDN.
                .doesNotContain("cdn.");
        // Its turnout flag and its row among the precincts (1000 registered voters) link to it; a row is a line.
        List<String> linked = page.body().lines().filter(l -> l.contains("<a href=\"/review/" + id + "\">48151</a>")).toList();
        // The flag by its name in the reader's language, not its id.
        assertThat(linked).anyMatch(row -> row.contains(">Turnout above 70 %<"))
                .anyMatch(row -> row.contains("<td class=\"num\">1000</td>"));
        assertThat(s.get("/review/" + id).statusCode()).isEqualTo(200);

        assertThat(new Session().login(user("vera", Role.VOLUNTEER)).get("/stats").statusCode()).isEqualTo(403);
    }

    @Test
    void theStatisticsPageSpeaksTheUsersLanguage() {
        Session s = new Session().login(user("analyst", Role.REVIEWER));

        assertThat(s.get("/stats?lang=kk").body()).contains("<h1>Хаттамалар бойынша нәтижелер</h1>")
                .contains("<h3>Белгіленген учаскелер</h3>").doesNotContain("Flagged precincts");
        assertThat(s.get("/stats?lang=ru").body()).contains("<title>Результаты по протоколам · Hattama</title>")
                .contains("<h1>Результаты по протоколам</h1>").contains("<h2>Все протоколы в текущем состоянии</h2>")
                .contains("<td class=\"label\">Зарегистрировано избирателей</td>").contains("<h3>Отмеченные участки</h3>")
                .doesNotContain("All protocols as they stand").doesNotContain("Registered voters")
                .doesNotContain("The tables are in English").doesNotContain("Таблицы на английском");
    }

    @Test
    void aSaveWithoutItsCsrfTokenIsRefused() {
        AppUser rev = user("csrf", Role.REVIEWER);
        long id = storedProtocol(null, "csrf.jpg", Protocols.needsReview(), null);
        Session s = new Session().login(rev);
        s.csrf = "not-the-token";

        assertThat(s.postJson("/api/review/" + id, Map.of("version", 0, "values", Map.of())).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select status from protocol where id = ?", String.class, id)).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void theSecondOfTwoReviewersSavingTheSameProtocolIsToldAndOverwritesNothing() {
        long id = storedProtocol(null, "IMG_0500.jpg", Protocols.needsReview(), null);
        AppUser first = user("first", Role.REVIEWER);
        Session one = new Session().login(first);
        Session two = new Session().login(user("second", Role.REVIEWER));
        int version = json(one.get("/api/review/" + id)).get("version").asInt();
        assertThat(json(two.get("/api/review/" + id)).get("version").asInt()).isEqualTo(version);

        HttpResponse<String> saved = one.postJson("/api/review/" + id, Map.of("version", version, "values", Map.of("party_1", 68)));
        HttpResponse<String> refused = two.postJson("/api/review/" + id, Map.of("version", version, "values", Map.of("party_1", 58)));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = json(refused);
        assertThat(problem.get("code").asText()).isEqualTo("CONFLICT");
        assertThat(problem.get("by").asText()).isEqualTo(first.login());
        assertThat(problem.get("detail").asText()).contains(first.login());
        JsonNode record = json(one.get("/api/protocols/" + id));
        assertThat(record.get("status").asText()).isEqualTo("REVIEWED");
        assertThat(record.get("fields").get("party_1").get("value").asInt()).isEqualTo(68);
        assertThat(jdbc.queryForList("select to_value from review_change c join review_signoff s on s.id = c.signoff_id"
                + " where c.protocol_id = ?", Integer.class, id)).containsExactly(68);
    }

    @Test
    void anApiTokenUploadsInItsOwnersNameAndAWrongOneIsRefused() throws Exception {
        AppUser bot = user("bot", Role.VOLUNTEER);
        String token = users.newToken(bot.id(), "telegram").secret();
        String boundary = "----hattama-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"chat/notes.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nnot a protocol\r\n--" + boundary + "--\r\n";
        Session api = new Session();

        HttpResponse<String> accepted = api.send(HttpRequest.newBuilder(URI.create(url("/api/uploads")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> refused = api.send(HttpRequest.newBuilder(URI.create(url("/api/uploads")))
                .header("Authorization", "Bearer htm_wrong").GET());

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode batch = json(accepted);
        assertThat(batch.get("files").get(0).get("name").asText()).isEqualTo("chat/notes.txt");
        assertThat(jdbc.queryForObject("select user_id from upload_batch where id = ?", Long.class,
                batch.get("id").asLong())).isEqualTo(bot.id());
        assertThat(jdbc.queryForObject("select origin from upload_batch where id = ?", String.class,
                batch.get("id").asLong())).isEqualTo("API");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void anUploadOverTheFileCountLimitIsRefusedWithItsReasonInTheUsersLanguage() {
        Session s = new Session().login(user("many", Role.VOLUNTEER));
        StringBuilder body = new StringBuilder();
        String boundary = "----hattama-many";
        for (int i = 0; i < 6; i++) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"f")
                    .append(i).append(".jpg\"\r\nContent-Type: image/jpeg\r\n\r\nx\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");

        HttpResponse<String> refused = s.send(HttpRequest.newBuilder(URI.create(url("/api/uploads")))
                .header("X-CSRF-TOKEN", s.csrf).header("Accept-Language", "ru")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(json(refused).get("code").asText()).isEqualTo("TOO_MANY_FILES");
        assertThat(json(refused).get("detail").asText()).isEqualTo("Не больше 5 файлов за раз. Остальные загрузите следующим заходом.");
    }
}
