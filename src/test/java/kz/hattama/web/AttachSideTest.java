package kz.hattama.web;

import com.fasterxml.jackson.databind.JsonNode;
import kz.hattama.reconcile.Reconciler;
import kz.hattama.reconcile.SideJoinerTest;
import kz.hattama.store.Protocols;
import kz.hattama.users.Role;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The review page's "attach the missing side": an upload whose sides join the protocol a reviewer chose. */
class AttachSideTest extends WebTestBase {

    private final Reconciler reconciler = new Reconciler(Protocols.FORM, 0.9, 0.9, 0.1, 0.999);

    private HttpResponse<String> attach(Session s, long protocol, String fileName) {
        String boundary = "----hattama-side";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\nnot really a photo\r\n--" + boundary + "--\r\n";
        return s.send(HttpRequest.newBuilder(URI.create(url("/api/review/" + protocol + "/sides")))
                .header("X-CSRF-TOKEN", s.csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aReviewerAttachesTheMissingSideOfAnIncompleteProtocolOnly() {
        long incomplete = storedProtocol(null, "IMG_0412.jpg", reconciler.reconcile(SideJoinerTest.side(1, "237", true)), null);
        long complete = storedProtocol(null, "IMG_0500.jpg", Protocols.verified(), null);
        Session reviewer = new Session().login(user("attacher", Role.REVIEWER));

        HttpResponse<String> page = reviewer.get("/review/" + incomplete);
        assertThat(page.body()).contains("id=\"attach-side\"");
        assertThat(reviewer.get("/review/" + complete).body()).doesNotContain("id=\"attach-side\"");

        HttpResponse<String> accepted = attach(reviewer, incomplete, "IMG_0413.jpg");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long batch = json(accepted).get("id").asLong();
        assertThat(jdbc.queryForObject("select attach_to from upload_batch where id = ?", Long.class, batch))
                .isEqualTo(incomplete);

        HttpResponse<String> refused = attach(reviewer, complete, "IMG_0501.jpg");
        assertThat(refused.statusCode()).isEqualTo(409);
        JsonNode problem = json(refused);
        assertThat(problem.get("code").asText()).isEqualTo("NOT_INCOMPLETE");
    }

    @Test
    void aVolunteerCannotAttachASide() {
        long incomplete = storedProtocol(null, "IMG_0600.jpg", reconciler.reconcile(SideJoinerTest.side(1, "238", true)), null);
        Session volunteer = new Session().login(user("side-volunteer", Role.VOLUNTEER));

        assertThat(attach(volunteer, incomplete, "IMG_0601.jpg").statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from upload_batch where attach_to = ?", Long.class, incomplete))
                .isZero();
    }
}
