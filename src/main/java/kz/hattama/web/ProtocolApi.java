package kz.hattama.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.hattama.export.ExportRecord;
import kz.hattama.export.ExportSource;
import kz.hattama.form.FormDefinition;
import kz.hattama.precinct.PrecinctAudit;
import kz.hattama.store.ScanStore;
import kz.hattama.store.StoredProtocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Protocols, their page images and the scans as uploaded, to those who may see them. */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
@Tag(name = "Protocols", description = "Read protocols (the export record), page images and scans")
public class ProtocolApi {

    /** A page image or scan never changes under its id, so the browser keeps it; private: it is not public data. */
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

    private final ScanStore scans;
    private final FormDefinition form;
    private final Access access;

    private final ExportSource exports;

    public ProtocolApi(ScanStore scans, FormDefinition form, Access access, ExportSource exports) {
        this.scans = scans;
        this.exports = exports;
        this.form = form;
        this.access = access;
    }

    @Operation(summary = "A protocol as the dataset exports it (see protocol-spec.md)")
    @GetMapping("/protocols/{id}")
    public ExportRecord protocol(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        StoredProtocol p = access.requireProtocol(user, id);
        ExportRecord record = exports.record(p.uid()).orElseThrow();
        // An uploader may see their own protocol, not the ids and figures of others' that a conflict flag names.
        // Nor the name of another person's earlier upload that a duplicate's reason carries.
        return user.mayReview() ? record : record.withoutFlags(PrecinctAudit::namesOtherProtocols).withoutDuplicateName();
    }

    @Operation(summary = "The normalized page (JPEG) the protocol was read from; field boxes are in its pixels")
    @GetMapping("/protocols/{id}/page.jpg")
    public ResponseEntity<byte[]> page(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                                       @Parameter(description = "which of the protocol's pages: 0 its own, 1 its other side")
                                       @RequestParam(defaultValue = "0") int page) {
        access.requireProtocol(user, id);
        byte[] jpeg = scans.pageImage(id, page)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no page image for protocol " + id));
        return ResponseEntity.ok().cacheControl(IMMUTABLE).contentType(MediaType.IMAGE_JPEG).body(jpeg);
    }

    @Operation(summary = "The commission's signature block (JPEG), cut from the page that holds it")
    @GetMapping("/protocols/{id}/signatures.jpg")
    public ResponseEntity<byte[]> signatures(@AuthenticationPrincipal SignedInUser user, @PathVariable long id)
            throws java.io.IOException {
        StoredProtocol p = access.requireProtocol(user, id);
        StoredProtocol.SignatureBox b = p.signatureBox();
        byte[] jpeg = b == null ? null : scans.pageImage(id, b.page()).orElse(null);
        if (jpeg == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no signature block for protocol " + id);
        }
        java.awt.image.BufferedImage page = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
        int x = Math.max(0, b.x()), y = Math.max(0, b.y());
        int w = Math.min(b.width(), page.getWidth() - x), h = Math.min(b.height(), page.getHeight() - y);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(page.getSubimage(x, y, w, h), "jpg", out);
        return ResponseEntity.ok().cacheControl(IMMUTABLE).contentType(MediaType.IMAGE_JPEG).body(out.toByteArray());
    }

    @Operation(summary = "A file as it was uploaded")
    @GetMapping("/sources/{id}/scan")
    public ResponseEntity<byte[]> scan(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        access.requireSource(user, id);
        ScanStore.Source source = scans.source(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no file " + id));
        String name = source.name().substring(source.name().lastIndexOf('/') + 1);
        MediaType type = source.mediaType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(source.mediaType());
        return ResponseEntity.ok().cacheControl(IMMUTABLE).contentType(type)
                // Shown in the browser, never run: an upload is whatever a person sent.
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", "sandbox")
                .body(scans.scan(source.sha256()));
    }
}
