package kz.hattama.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hattama.users.LoginThrottle;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses a login attempt while its account or address is locked by {@link LoginThrottle}, before the password is
 * checked: an attacker learns nothing from attempts made during a lock. The person is told for how many minutes.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String USERNAME = "username";
    private static final RequestMatcher LOGIN = request -> "POST".equals(request.getMethod())
            && request.getRequestURI().equals(request.getContextPath() + "/login");

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (LOGIN.matches(request)) {
            Optional<Duration> locked = throttle.lockedFor(request.getParameter(USERNAME), request.getRemoteAddr());
            if (locked.isPresent()) {
                long minutes = Math.max(1, (locked.get().toSeconds() + 59) / 60);
                response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
