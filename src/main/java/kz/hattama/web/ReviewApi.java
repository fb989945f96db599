package kz.hattama.web;

import kz.hattama.form.CheckDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.StoredProtocol;
import kz.hattama.store.UploadStore;
import kz.hattama.upload.UploadService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.hattama.review.ReviewService;
import kz.hattama.store.ReviewStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

@RestController
@RequestMapping("/api/review")
@ConditionalOnWebApplication
@Tag(name = "Review", description = "The queue of protocols that need a person, and signing them off (REVIEWER)")
public class ReviewApi {

    private final ReviewStore reviews;
    private final ReviewService service;
    private final ReviewViews views;

    private final UploadService uploadService;
    private final UploadStore uploads;
    private final UploadViews uploadViews;
    private final ProtocolStore protocols;
    private final FormDefinition form;

    public ReviewApi(ReviewStore reviews, ReviewService service, ReviewViews views, UploadService uploadService,
                     UploadStore uploads, UploadViews uploadViews, ProtocolStore protocols, FormDefinition form) {
        this.reviews = reviews;
        this.service = service;
        this.views = views;
        this.uploadService = uploadService;
        this.uploads = uploads;
        this.uploadViews = uploadViews;
        this.protocols = protocols;
        this.form = form;
    }

    @Operation(summary = "Attach the missing side of a protocol",
            description = "Queues the file as an upload whose sides join this protocol once read (202; poll "
                    + "GET /api/uploads/{id}). Refused with 409 (code NOT_INCOMPLETE) unless the protocol waits for "
                    + "review and its pages_complete check failed.")
    @PostMapping(value = "/{id}/sides", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public UploadJson attachSide(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                                 @RequestPart(name = "file") MultipartFile file) {
        StoredProtocol p = protocols.protocol(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no protocol " + id));
        String sidesCheck = form.checkOfKind(CheckDef.SIDES).map(CheckDef::id).orElse(null);
        boolean incomplete = p.status() == ProtocolStatus.NEEDS_REVIEW && p.checks().stream()
                .anyMatch(c -> c.id().equals(sidesCheck) && !c.passed());
        if (!incomplete) {
            throw new ApiErrors.Refusal(HttpStatus.CONFLICT, "NOT_INCOMPLETE",
                    "protocol " + id + " is not waiting for a side");
        }
        UploadStore.Batch batch = uploadService.receive(user.id(), UploadStore.Origin.WEB,
                List.of(new UploadApi.Multipart(file)), id);
        return uploadViews.of(uploads.withFiles(batch.id()).orElseThrow(), user);
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
        return views.of(id);
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
}
