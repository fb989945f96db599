package kz.hattama.web;

import kz.hattama.users.LoginThrottle;
import kz.hattama.users.UserStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

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
                                           LoginThrottle throttle) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toWhereTheyWere = new SavedRequestAwareAuthenticationSuccessHandler();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error",
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
                // A script or app gets a status, not the login page.
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), API))
                .requestCache(c -> c.requestCache(pagesOnly()));
        return http.build();
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
