package kz.hattama.web;

import kz.hattama.store.ReviewStore;
import kz.hattama.upload.UploadError;
import kz.hattama.upload.UploadException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.time.format.DateTimeFormatter;
import java.util.NoSuchElementException;

/**
 * Errors as RFC 9457 problem details with a stable {@code code} and a {@code detail} in the caller's language.
 * Global, because an over-large upload fails before any controller is chosen.
 */
@RestControllerAdvice
@ConditionalOnWebApplication
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Texts texts;

    public ApiErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(UploadException.class)
    ProblemDetail upload(UploadException e) {
        if (e.error() == UploadError.NOT_SAVED) {
            log.error("Could not save an upload", e);
        }
        HttpStatus status = switch (e.error()) {
            case NO_FILES -> HttpStatus.BAD_REQUEST;
            case TOO_MANY_FILES, FILE_TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            // Not too large a request, but too much within a day: the same request goes through later.
            case QUOTA_FILES_EXCEEDED, QUOTA_MB_EXCEEDED -> HttpStatus.TOO_MANY_REQUESTS;
            case NOT_SAVED -> HttpStatus.INSUFFICIENT_STORAGE;
        };
        return problem(status, e.error().name(), texts.uploadError(e.error(), e.limit()));
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return upload(new UploadException(UploadError.FILE_TOO_LARGE, 0));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileCountLimitExceededException) {
                return upload(new UploadException(UploadError.TOO_MANY_FILES, 0));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "BAD_UPLOAD", e.getMessage());
    }

    @ExceptionHandler(ReviewStore.ConflictException.class)
    ProblemDetail conflict(ReviewStore.ConflictException e) {
        String detail = e.last()
                .map(l -> texts.get("review.conflict.by", l.reviewer(), DateTimeFormatter.ISO_INSTANT.format(l.at())))
                .orElseGet(() -> texts.get("review.conflict"));
        ProblemDetail p = problem(HttpStatus.CONFLICT, "CONFLICT", detail);
        e.last().ifPresent(l -> {
            p.setProperty("by", l.reviewer());
            p.setProperty("at", l.at().toString());
            p.setProperty("version", l.version());
        });
        return p;
    }

    /** A request the protocol's state refuses, answered with {@code status} and a stable {@code code}. */
    public static class Refusal extends RuntimeException {
        private final HttpStatus status;
        private final String code;

        public Refusal(HttpStatus status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    @ExceptionHandler(Refusal.class)
    ProblemDetail refusal(Refusal e) {
        return problem(e.status, e.code, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        return p;
    }
}
