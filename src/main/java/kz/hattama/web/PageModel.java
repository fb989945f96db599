package kz.hattama.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * What every page's header needs: who is signed in, the language, and where the language switch leads. The error
 * page gets it too, so that a person refused a page still has the header to go elsewhere.
 */
@ControllerAdvice(assignableTypes = {Pages.class, ErrorController.class})
@ConditionalOnWebApplication
// Before Spring's problem details for ResponseStatusException, which are meant for the API.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageModel {

    @ModelAttribute
    void common(Model model, HttpServletRequest request, @AuthenticationPrincipal SignedInUser me) {
        model.addAttribute("me", me);
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        model.addAttribute("languages", UserLocaleResolver.SUPPORTED.stream().map(l -> l.getLanguage()).toList());
        // On the error page the request is /error; the language switch should reload what the person asked for.
        Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = asked instanceof String s ? s : request.getRequestURI();
        model.addAttribute("currentPath", uri.substring(Math.min(uri.length(), request.getContextPath().length())));
    }

    /**
     * A page's 404 (another person's file is answered as a missing one) as the error page with the header, not as
     * the API's problem JSON that Spring would otherwise send a browser.
     */
    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, e.getStatusCode().value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        response.setStatus(e.getStatusCode().value());
        return "forward:/error";
    }
}
