package kz.hattama.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.hattama.export.ExportRecord;
import kz.hattama.form.FormDefinition;
import kz.hattama.reconcile.FieldResult;
import kz.hattama.reconcile.ProtocolStatus;
import kz.hattama.review.ReviewService;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.ReviewStore;
import kz.hattama.store.StoredProtocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
@RequestMapping("/api/review")
@ConditionalOnWebApplication
@Tag(name = "Review", description = "The queue of protocols that need a person, and signing them off (REVIEWER)")
public class ReviewApi {

    private final ReviewStore reviews;
    private final ReviewService service;
    private final ProtocolStore protocols;
    private final FormDefinition form;
    private final Texts texts;

    public ReviewApi(ReviewStore reviews, ReviewService service, ProtocolStore protocols, FormDefinition form, Texts texts) {
        this.reviews = reviews;
        this.service = service;
        this.protocols = protocols;
        this.form = form;
        this.texts = texts;
    }

    @Operation(summary = "Protocols that need review, most problems first, and the count of protocols per status")
    @GetMapping("/queue")
    public ReviewJson.Queue queue(@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        Map<String, Long> counts = new LinkedHashMap<>();
        reviews.counts().forEach((s, n) -> counts.put(s.name(), n));
        return new ReviewJson.Queue(counts, reviews.queue(Math.max(1, Math.min(limit, 500)), Math.max(0, offset)).stream()
                .map(q -> new ReviewJson.QueueItem(q.protocolId(), q.sourceName(), q.pageNo(), q.precinct(), q.lang(),
                        q.uncertainFields(), q.failedChecks(), q.createdAt(), "/review/" + q.protocolId()))
                .toList());
    }

    @Operation(summary = "A protocol as the review page shows it")
    @GetMapping("/{id}")
    public ReviewJson protocol(@PathVariable long id) {
        StoredProtocol p = protocols.protocol(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no protocol " + id));
        if (p.status() == ProtocolStatus.REJECTED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "protocol " + id + " is a rejected file");
        }
        return json(p);
    }

    @Operation(summary = "Sign a protocol off",
            description = "Stores the figures as the reviewer leaves them: the protocol and every field that needed "
                    + "review become REVIEWED, the checks are recomputed, each changed figure goes into the history. "
                    + "Refused with 409 (code CONFLICT, with who saved and when) when someone saved the protocol after "
                    + "the version given.")
    @PostMapping("/{id}")
    public ReviewJson.SignedOff signOff(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                                        @RequestBody ReviewJson.SignOff body) {
        Map<String, Integer> values = body.values() == null ? Map.of() : body.values();
        int version = service.signOff(id, body.version(), new ReviewService.Reviewer(user.id(), user.getUsername()), values);
        return new ReviewJson.SignedOff(version, reviews.next(id).orElse(null));
    }

    ReviewJson json(StoredProtocol p) {
        var fields = p.fields().stream().map(f -> field(f, p.lang())).toList();
        var checks = p.checks().stream().map(c -> new ReviewJson.Check(c.id(), texts.check(c.id()), c.field(),
                c.passed(), c.detail())).toList();
        var flags = p.flags().stream().map(f -> new ReviewJson.Flag(f.id(), texts.get("flag." + f.id()), f.detail())).toList();
        String page = protocols.hasPageImage(p.id()) ? "/api/protocols/" + p.id() + "/page.png" : null;
        return new ReviewJson(p.id(), p.version(), p.status().name(), texts.status(p.status()), p.precinct(), p.lang(),
                p.address(), p.sourceId(), p.sourceName(), p.pageNo(), page, "/api/sources/" + p.sourceId() + "/scan",
                fields, checks, form.checks(), flags, ExportRecord.of(p, form).review());
    }

    private ReviewJson.Field field(FieldResult f, String lang) {
        var b = f.box();
        return new ReviewJson.Field(f.key(), form.field(f.key()).line(), texts.fieldLabel(f.key(), lang), f.value(),
                f.digits(), f.words(), f.digitsText(), f.wordsText(), f.confidence(), f.status().name(),
                texts.reason(f.reason()), b == null ? null : new ReviewJson.Box(b.x(), b.y(), b.width(), b.height()));
    }
}
