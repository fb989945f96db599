package kz.hattama.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.hattama.store.UploadStore;
import kz.hattama.upload.UploadService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

@RestController
@RequestMapping("/api/uploads")
@ConditionalOnWebApplication
@Tag(name = "Uploads", description = "Send photos, scans, PDFs or zips of protocols and follow what became of them")
public class UploadApi {

    private static final int MAX_LISTED = 200;

    private final UploadService service;
    private final UploadStore uploads;
    private final UploadViews views;
    private final Access access;

    public UploadApi(UploadService service, UploadStore uploads, UploadViews views, Access access) {
        this.service = service;
        this.uploads = uploads;
        this.views = views;
        this.access = access;
    }

    @Operation(summary = "Upload files",
            description = "Queues the files for reading and answers at once (202). Poll GET /api/uploads/{id} for "
                    + "each file's progress and outcome. Limits: HATTAMA_MAX_FILE_MB per file, "
                    + "HATTAMA_MAX_FILES_PER_UPLOAD files per request (413 with code FILE_TOO_LARGE or TOO_MANY_FILES).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public UploadJson upload(@AuthenticationPrincipal SignedInUser user,
                             @Parameter(description = "JPEG, PNG, TIFF, PDF or zip files; a file name may carry its folder, "
                                     + "e.g. district-5/IMG_0412.jpg")
                             @RequestPart(name = "files", required = false) List<MultipartFile> files,
                             HttpServletRequest request) {
        UploadStore.Origin origin = ApiTokenFilter.BEARER.matches(request) ? UploadStore.Origin.API : UploadStore.Origin.WEB;
        List<Multipart> incoming = files == null ? List.of()
                : files.stream().filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isEmpty()).map(Multipart::new).toList();
        UploadStore.Batch batch = service.receive(user.id(), origin, incoming);
        return views.of(uploads.withFiles(batch.id()).orElseThrow(), user);
    }

    @Operation(summary = "Your latest uploads, newest first",
            description = "Admins may ask for everyone's with all=true.")
    @GetMapping
    public List<UploadJson> recent(@AuthenticationPrincipal SignedInUser user,
                                   @RequestParam(defaultValue = "20") int limit,
                                   @RequestParam(defaultValue = "false") boolean all) {
        Long owner = all && user.isAdmin() ? null : user.id();
        return uploads.recent(owner, Math.max(1, Math.min(limit, MAX_LISTED))).stream()
                .map(b -> views.of(b, user)).toList();
    }

    @Operation(summary = "One upload: each file's progress and outcome")
    @GetMapping("/{id}")
    public UploadJson one(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return views.of(access.requireBatch(user, id), user);
    }

    record Multipart(MultipartFile file) implements UploadService.Incoming {
        @Override
        public String name() {
            return file.getOriginalFilename();
        }

        @Override
        public void saveTo(Path target) throws IOException {
            file.transferTo(target);
        }
    }
}
