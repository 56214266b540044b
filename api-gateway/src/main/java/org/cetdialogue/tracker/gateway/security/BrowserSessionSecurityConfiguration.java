package org.cetdialogue.tracker.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in for the dashboard page. A browser's {@code EventSource} cannot send an Authorization header, so the page
 * signs in once ({@code POST /login}, form fields {@code username} and {@code password}; 204 or 401 problem, never a
 * redirect) and then carries a session cookie ({@code HttpOnly}, {@code SameSite=Strict}). This chain takes only
 * {@code /login}, {@code /logout}, {@code /api/session} and requests that carry a session cookie and no Authorization
 * header; everything else goes to {@link SecurityConfiguration}'s HTTP Basic chain, unchanged.
 *
 * <p>A session grants reads only: the page's streams and the projections. Writes always need HTTP Basic, so a forged
 * cross-site request riding on the cookie can change nothing (and {@code SameSite=Strict} keeps the cookie off
 * cross-site requests in the first place). Deny by default here too.
 */
@Configuration(proxyBeanMethods = false)
public class BrowserSessionSecurityConfiguration {

    private static final String[] READ_ROLES = {Role.SECRETARIAT.name(), Role.AUDITOR.name(), Role.VIEWER.name()};

    /** The session cookie's name, set in {@code server.servlet.session.cookie.name}. */
    static final String SESSION_COOKIE = "TRACKER_SESSION";

    private static final String STREAMS = "/api/stream/";

    @Bean
    @Order(1)
    SecurityFilterChain browserSessionSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.securityMatcher(browserRequests())
                // login and logout are form posts the page makes itself; every other request this chain accepts is
                // a GET, and SameSite=Strict keeps the cookie off cross-site requests
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .formLogin(form -> form.loginProcessingUrl("/login")
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
                                response.setStatus(HttpStatus.NO_CONTENT.value())))
                // an API client may ask /api/session with its Basic credentials; no WWW-Authenticate, so a browser
                // shows the page's own form instead of its dialog
                .httpBasic(basic -> basic.authenticationEntryPoint(signInFirst(objectMapper)))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signInFirst(objectMapper))
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
                        .requestMatchers(HttpMethod.POST, "/login", "/logout")
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
     * Sign-in and sign-out, the session probe, requests riding on a session cookie without Basic credentials, and the
     * later dispatches of any stream (its end after the client went, an error page), which were authorized when the
     * stream opened: a client that has gone may leave a request whose cookies can no longer be read.
     */
    private static RequestMatcher browserRequests() {
        return request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (path.equals("/login") || path.equals("/logout") || path.equals("/api/session")) {
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
