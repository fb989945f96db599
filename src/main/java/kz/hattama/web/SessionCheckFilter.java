package kz.hattama.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.hattama.users.UserStore;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a session at once when its user was disabled, had their role changed or their password set since it began,
 * by whichever JVM did it (the admin page of this server or another, or {@code hattama user passwd}): every signed-in
 * request compares the session's credentials version with the database's, one lookup by primary key. A registry of
 * this JVM's sessions could not see a change made by the CLI, and with this check it would add nothing.
 */
class SessionCheckFilter extends OncePerRequestFilter {

    private final UserStore users;

    SessionCheckFilter(UserStore users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        // A token request was signed in from the database a moment ago (ApiTokenFilter), so it is current.
        if (auth != null && auth.getPrincipal() instanceof SignedInUser user && !ApiTokenFilter.BEARER.matches(request)
                && !users.sessionStands(user.id(), user.credentialsVersion())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (!SecurityConfiguration.API.matches(request)) {
                // A person is told why they are asked to log in again; a script gets 401 from the entry point.
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
