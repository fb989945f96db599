package kz.hattama.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.hattama.users.LoginThrottle;
import kz.hattama.users.UserStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Who may open what. Pages use a session (form login, CSRF tokens); the API takes the same session from the pages'
 * scripts, or an API token from a chatbot or phone app. Roles nest: an admin may do what a reviewer may, and a
 * reviewer what a volunteer may. Which protocols and scans a volunteer may see is decided per request by {@link Access}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
public class SecurityConfiguration {

    static final RequestMatcher API = request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserStore users, UserLocaleResolver locales,
                                           LoginThrottle throttle, Texts texts, ObjectMapper json) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/error",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/review/**", "/api/review/**", "/stats").hasRole("REVIEWER")
                        .requestMatchers("/admin/**", "/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler((request, response, authentication) -> {
                    throttle.succeeded(authentication.getName());
                    // The language a user chose last time follows them to any browser.
                    locales.applySaved(request, response, authentication);
                    toWhereTheyWere.onAuthenticationSuccess(request, response, authentication);
                }).failureHandler((request, response, exception) -> {
                    throttle.failed(request.getParameter(LoginThrottleFilter.USERNAME), request.getRemoteAddr());
                    response.sendRedirect(request.getContextPath() + "/login?error");
                }).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .csrf(c -> c.ignoringRequestMatchers(ApiTokenFilter.BEARER))
                .addFilterBefore(new ApiTokenFilter(users), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SessionCheckFilter(users), AnonymousAuthenticationFilter.class)
                // A script or app gets a problem detail with a code, not the login page or an empty 403.
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor((request, response, ex) ->
                                problem(request, response, HttpStatus.UNAUTHORIZED, texts, locales, json), API)
                        .defaultAccessDeniedHandlerFor((request, response, ex) ->
                                problem(request, response, HttpStatus.FORBIDDEN, texts, locales, json), API)
                        // A person gets the error page (with one mapping only, Spring would use the API's for all).
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .requestCache(c -> c.requestCache(pagesOnly()));
        return http.build();
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Texts texts,
                                UserLocaleResolver locales, ObjectMapper json) throws IOException {
        ProblemDetail p = ApiStatusErrors.problem(status, texts, locales.resolveLocale(request));
        p.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), p);
    }

    /** After logging in, a person returns to the page they asked for, never to an API call a script made. */
    private static HttpSessionRequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(new NegatedRequestMatcher(API));
        return cache;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("REVIEWER")
                .role("REVIEWER").implies("VOLUNTEER")
                .build();
    }

    @Bean
    UserDetailsService userDetailsService(UserStore users) {
        return login -> users.byLogin(login).map(SignedInUser::new)
                .orElseThrow(() -> new UsernameNotFoundException(login));
    }
}
