package kz.hattama.web;

import kz.hattama.export.ExportRecord;
import kz.hattama.form.CheckDef;
import kz.hattama.form.FormDefinition;
import kz.hattama.protocol.FieldResult;
import kz.hattama.protocol.FieldStatus;
import kz.hattama.protocol.ReviewReason;
import kz.hattama.protocol.ProtocolStatus;
import kz.hattama.review.ReviewHistory;
import kz.hattama.store.ProtocolStore;
import kz.hattama.store.ScanStore;
import kz.hattama.store.StoredProtocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** A stored protocol as the review page and the review API show it, texts in the request's language. */
@Component
@ConditionalOnWebApplication
public class ReviewViews {

    private final ProtocolStore protocols;
    private final ScanStore scans;
    private final FormDefinition form;
    private final Texts texts;
    private final ReviewHistory reviews;

    public ReviewViews(ProtocolStore protocols, ScanStore scans, FormDefinition form, Texts texts, ReviewHistory reviews) {
        this.reviews = reviews;
        this.protocols = protocols;
        this.scans = scans;
        this.form = form;
        this.texts = texts;
    }

    /** @throws ResponseStatusException 404 for no protocol, and for a rejected file: there is nothing to review */
    public ReviewJson of(long id) {
        StoredProtocol p = protocols.protocol(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no protocol " + id));
        if (p.status() == ProtocolStatus.REJECTED) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "protocol " + id + " is a rejected file");
        }
        return of(p);
    }

    private ReviewJson of(StoredProtocol p) {
        var fields = p.fields().stream().map(f -> field(f, p.lang(), p.fieldPages().getOrDefault(f.key(), 0))).toList();
        var checks = p.checks().stream().map(c -> new ReviewJson.Check(c.id(), texts.check(c.id()), c.field(),
                c.passed(), c.detail())).toList();
        var flags = p.flags().stream().map(f -> new ReviewJson.Flag(f.id(), texts.flag(f.id()), f.detail())).toList();
        String page = scans.hasPageImage(p.id()) ? "/api/protocols/" + p.id() + "/page.jpg" : null;
        return new ReviewJson(p.id(), p.version(), p.status().name(), texts.status(p.status()), p.precinct(),
                p.precinctStatus() == null ? null : p.precinctStatus().name(), p.precinctConfidence(),
                texts.reason(p.precinctReasons()), p.lang(),
                p.address(), p.sourceId(), p.sourceName(), p.pageNo(), page, "/api/sources/" + p.sourceId() + "/scan",
                p.signatureBox() == null ? null : "/api/protocols/" + p.id() + "/signatures.jpg",
                p.status() == kz.hattama.protocol.ProtocolStatus.NEEDS_REVIEW
                        && p.checks().stream().anyMatch(c -> !c.passed() && form.checkOfKind(CheckDef.SIDES)
                        .map(CheckDef::id).filter(c.id()::equals).isPresent()),
                fields, checks, form.relations(), flags, form.flags(), reviews.reviewsOf(java.util.List.of(p.id())).get(p.id()));
    }

    private ReviewJson.Field field(FieldResult f, String lang, int page) {
        var b = f.box();
        return new ReviewJson.Field(f.key(), form.field(f.key()).line(), texts.fieldLabel(f.key(), lang), f.value(),
                f.digits(), f.words(), f.digitsText(), f.wordsText(), f.confidence(), f.status().name(),
                texts.reason(f.reasons()), sure(f),
                b == null ? null : new ReviewJson.Box(b.x(), b.y(), b.width(), b.height(), page));
    }

    /**
     * A figure that needs review only because a check it takes part in fails, read the same in digits and in words:
     * the reconciler found nothing else wrong with it, so the page asks about it last (it stays NEEDS_REVIEW until a
     * person signs the protocol off; the spec never lets a failed check's figure be VERIFIED).
     */
    static boolean sure(FieldResult f) {
        return f.status() == FieldStatus.NEEDS_REVIEW && f.value() != null && f.value().equals(f.digits())
                && f.value().equals(f.words()) && !f.reasons().isEmpty()
                && f.reasons().stream().allMatch(r -> r.code() == ReviewReason.Code.FAILED_CHECK);
    }
}
