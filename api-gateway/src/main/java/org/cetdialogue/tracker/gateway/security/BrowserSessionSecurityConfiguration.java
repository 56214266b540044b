package org.cetdialogue.tracker.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in for the dashboard page. A browser's {@code EventSource} cannot send an Authorization header, so the page
 * signs in once and then carries a session cookie ({@code HttpOnly}; {@code SameSite=Strict}, or {@code Lax} in the
 * {@code jwt} profile so that the identity provider's redirect back carries it). How it signs in: with a password
 * ({@code POST /login}, form fields {@code username} and {@code password}; 204 or 401 problem, never a redirect)
 * where password sign-in is on, or through the identity provider ({@link OidcSignIn}) where one is configured;
 * {@code GET /api/sign-in} tells the page which. This chain takes only those sign-in paths, {@code /logout}, the
 * session probe and requests that carry a session cookie, none of them with an Authorization header; everything else
 * goes to {@link SecurityConfiguration}'s stateless chain, unchanged, so HTTP Basic never creates a session. A
 * cross-site {@code POST /login} or {@code /logout} is refused with 403 ({@link SameOriginSignInFilter}). The cookie is
 * {@code Secure} whenever the request is: HTTPS to the tracker, or {@code X-Forwarded-Proto: https} from a trusted
 * proxy ({@code server.forward-headers-strategy=native}, {@code server.tomcat.remoteip.internal-proxies}).
 *
 * <p>A session grants reads only: the page's streams and the projections. Writes always need HTTP Basic or a bearer
 * token, so a forged cross-site request riding on the cookie can change nothing. Deny by default here too.
 */
@Configuration(proxyBeanMethods = false)
public class BrowserSessionSecurityConfiguration {

    private static final String[] READ_ROLES = {Role.SECRETARIAT.name(), Role.AUDITOR.name(), Role.VIEWER.name()};

    /** The session cookie's name, set in {@code server.servlet.session.cookie.name}. */
    static final String SESSION_COOKIE = "TRACKER_SESSION";

    private static final String STREAMS = "/api/stream/";

    @Bean
    @Order(1)
    SecurityFilterChain browserSessionSecurity(
            HttpSecurity http,
            ObjectMapper objectMapper,
            ObjectProvider<OidcSignIn> identityProvider,
            @Value("${tracker.security.http-basic.enabled:true}") boolean passwordSignIn)
            throws Exception {
        http.securityMatcher(browserRequests())
                // login and logout are posts the page makes itself: a cross-site one is refused by where it comes from
                // (SameOriginSignInFilter) rather than by a token; every other request this chain accepts is a GET,
                // and the session cookie's SameSite attribute keeps it off cross-site posts
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(
                        new SameOriginSignInFilter(response -> problem(
                                objectMapper,
                                response,
                                HttpStatus.FORBIDDEN,
                                "Cross-site request refused",
                                "Sign-in and sign-out are accepted only from the tracker's own pages.")),
                        LogoutFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // a refused request is not kept for after sign-in: the page decides where to go, and a refusal
                // creates no session
                .requestCache(cache -> cache.requestCache(new NullRequestCache()));
        OidcSignIn oidc = identityProvider.getIfAvailable();
        if (oidc != null) {
            oidc.configure(http, objectMapper, SESSION_COOKIE);
        } else if (passwordSignIn) {
            http.formLogin(form -> form.loginProcessingUrl("/login")
                            .successHandler((request, response, authentication) ->
                                    response.setStatus(HttpStatus.NO_CONTENT.value()))
                            .failureHandler((request, response, e) -> problem(
                                    objectMapper,
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "Sign-in failed",
                                    "Unknown user or wrong password.")))
                    .logout(logout -> logout.logoutUrl("/logout")
                            .deleteCookies(SESSION_COOKIE)
                            .logoutSuccessHandler((request, response, authentication) ->
                                    response.setStatus(HttpStatus.NO_CONTENT.value())));
        }
        http.exceptionHandling(handling -> handling.authenticationEntryPoint(signInFirst(objectMapper))
                        .accessDeniedHandler((request, response, e) -> problem(
                                objectMapper,
                                response,
                                HttpStatus.FORBIDDEN,
                                "Forbidden",
                                "A browser session may only read; your role does not allow this request.")))
                .headers(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth
                        // the later dispatches of a request already authorized: a stream's end, an error page
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        // POST /login is answered by the sign-in form's filter where password sign-in is on;
                        // elsewhere it is refused like any other path
                        .requestMatchers(HttpMethod.POST, "/logout")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/sign-in")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/dashboard/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/session",
                                "/api/areas",
                                "/api/areas/**",
                                "/api/commitments",
                                "/api/commitments/**",
                                "/api/funding",
                                "/api/funding/**",
                                "/api/stream/**")
                        .hasAnyRole(READ_ROLES)
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /**
     * Sign-in and sign-out (a password form, or the identity provider's code flow and its return), the session probe
     * of a caller without credentials of its own, requests riding on a session cookie, and the later dispatches of any
     * stream (its end after the client went, an error page), which were authorized when the stream opened: a client
     * that has gone may leave a request whose cookies can no longer be read. A request with an Authorization header
     * (HTTP Basic, a bearer token) is never one: it goes to the stateless API chain, whatever its path, so it never
     * creates a session.
     */
    private static RequestMatcher browserRequests() {
        return request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (request.getDispatcherType() == DispatcherType.REQUEST && request.getHeader("Authorization") != null) {
                return false;
            }
            if (path.equals("/login")
                    || path.equals("/logout")
                    || path.equals("/api/sign-in")
                    || path.startsWith("/oauth2/authorization/")
                    || path.startsWith("/login/oauth2/code/")) {
                return true;
            }
            if (path.equals("/api/session")) {
                return true;
            }
            if (request.getDispatcherType() == DispatcherType.ASYNC && path.startsWith(STREAMS)) {
                return true;
            }
            if (request.getDispatcherType() == DispatcherType.ERROR
                    && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original
                    && original.startsWith(request.getContextPath() + STREAMS)) {
                return true;
            }
            return request.getHeader("Authorization") == null && hasSessionCookie(request);
        };
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (var cookie : request.getCookies()) {
            if (SESSION_COOKIE.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    private static AuthenticationEntryPoint signInFirst(ObjectMapper objectMapper) {
        return (request, response, e) ->
                problem(objectMapper, response, HttpStatus.UNAUTHORIZED, "Authentication required", "Sign in first.");
    }

    /** A problem without {@code WWW-Authenticate}, so the browser shows the page's form rather than its own dialog. */
    private static void problem(
            ObjectMapper objectMapper, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
