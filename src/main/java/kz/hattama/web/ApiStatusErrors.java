package kz.hattama.web;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import java.util.Locale;

/**
 * A refusal or a missing thing in the API as the problem details the README promises ({@code code}, {@code detail}
 * in the caller's language), like every other API error. Only for the API's controllers: the pages show their error
 * page.
 */
@RestControllerAdvice(annotations = RestController.class)
// Before Spring's own problem details for ResponseStatusException, which carry no code and say "no file 12" of
// another person's file but "no protocol 13" of a missing one.
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication
public class ApiStatusErrors {

    private final Texts texts;

    public ApiStatusErrors(Texts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException e) {
        return problem(e.getStatusCode(), texts, LocaleContextHolder.getLocale());
    }

    /** The problem for a status: its code is the status's name ({@code NOT_FOUND}), its detail worded for people. */
    static ProblemDetail problem(HttpStatusCode status, Texts texts, Locale locale) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String code = known == null ? "ERROR_" + status.value() : known.name();
        String detail = switch (status.value()) {
            case 401 -> texts.in(locale, "error.unauthorized");
            case 403 -> texts.in(locale, "error.forbidden");
            case 404 -> texts.in(locale, "error.not_found");
            default -> texts.in(locale, "error.title");
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setProperty("code", code);
        return p;
    }
}
