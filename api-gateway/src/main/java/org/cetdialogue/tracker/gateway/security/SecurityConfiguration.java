package org.cetdialogue.tracker.gateway.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may do what. Deny by default: every route not named here is refused (401 signed out, 403 signed in), and
 * {@code RouteRulesMatrixTest} fails the build when a mapped route has no rule of its own. Writes are for the
 * secretariat; reads of projections for every role; the audit routes for auditors. HTTP Basic against the configured
 * users, and in the {@code jwt} profile OAuth2 bearer tokens; no session: each request carries its credentials. Writes
 * accept only {@code application/json} bodies, which a cross-site form cannot send, so no CSRF token is needed. The
 * container's ERROR dispatch is let through so that every error, even one raised outside Spring MVC, is rendered as a
 * problem by {@code ProblemErrorController}; a request for {@code /error} itself is refused.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TrackerUsersProperties.class, JwtProperties.class, OidcSignInProperties.class})
public class SecurityConfiguration {

    private static final String[] READ_ROLES = {Role.SECRETARIAT.name(), Role.AUDITOR.name(), Role.VIEWER.name()};

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            ObjectProvider<JwtDecoder> jwtDecoder,
            JwtProperties claims,
            @Value("${tracker.security.http-basic.enabled:true}") boolean httpBasic)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> problems.write(
                        response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.")));
        if (httpBasic) {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Authentication required",
                    "Sign in with HTTP Basic credentials.")));
        } else {
            http.httpBasic(basic -> basic.disable());
        }
        if (!httpBasic && jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("HTTP Basic is off and no JWT issuer is configured: no one could sign in;"
                    + " set spring.security.oauth2.resourceserver.jwt.issuer-uri (TRACKER_JWT_ISSUER_URI)");
        }
        if (jwtDecoder.getIfAvailable() != null) {
            AuthenticationEntryPoint bearerRequired = (request, response, e) -> problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Authentication required",
                    "Sign in with a valid bearer token.",
                    Map.of("WWW-Authenticate", bearerChallenge(e)));
            http.oauth2ResourceServer(server -> server.jwt(
                            jwt -> jwt.jwtAuthenticationConverter(new JwtRoleAndSideConverter(claims)))
                    .authenticationEntryPoint(bearerRequired)
                    .accessDeniedHandler((request, response, e) -> problems.write(
                            response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request."))
                    // a token that could not be checked because the identity provider is away: 503, not 500
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            filter.setAuthenticationFailureHandler((request, response, e) -> {
                                if (e instanceof AuthenticationServiceException
                                        && e.getCause() instanceof IdentityProviderUnavailableException) {
                                    problems.write(
                                            response,
                                            HttpStatus.SERVICE_UNAVAILABLE,
                                            "Identity provider unavailable",
                                            "The bearer token cannot be checked now: the identity provider cannot"
                                                    + " be reached. Try again later.",
                                            Map.of(
                                                    "Retry-After",
                                                    String.valueOf(IdentityProviderOutage.RETRY_AFTER.toSeconds())));
                                } else {
                                    bearerRequired.commence(request, response, e);
                                }
                            });
                            return filter;
                        }
                    }));
        }
        http.headers(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // metrics for the monitoring system, which signs in as an auditor
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                        .hasRole(Role.AUDITOR.name())
                        // the dashboard page and its static assets; the page signs in like any other client
                        .requestMatchers(
                                HttpMethod.GET, "/", "/index.html", "/favicon.ico", "/dashboard/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // how the dashboard signs in: public, and asked with credentials too (then here, not in the
                        // browser session's chain, which takes no request with an Authorization header)
                        .requestMatchers(HttpMethod.GET, "/api/sign-in")
                        .permitAll()
                        // auditors: the full history, exports, replays and verification
                        .requestMatchers("/api/audit", "/api/audit/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/commitments", "/api/commitments/**")
                        .hasRole(Role.SECRETARIAT.name())
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

    /** A URL or header the firewall refuses (encoded slashes, {@code ..}, control characters): 400, as a problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return (request, response, e) -> problems.write(
                response, HttpStatus.BAD_REQUEST, "Malformed request", "The request URL or a header is not allowed.");
    }

    /** BCrypt, with verified passwords remembered for {@code tracker.security.verified-password-ttl} (0: never). */
    @Bean
    PasswordEncoder passwordEncoder(
            @Value("${tracker.security.verified-password-ttl:PT10M}") Duration verifiedPasswordTtl,
            ObjectProvider<Clock> clock) {
        return new VerifiedPasswordCache(
                new BCryptPasswordEncoder(), verifiedPasswordTtl, 1000, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * The RFC 6750 challenge: {@code Bearer realm="cet-tracker"} for a request without a token, with
     * {@code error="invalid_token"} and a description for a token that was refused.
     */
    static String bearerChallenge(AuthenticationException e) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"cet-tracker\"");
        if (e instanceof OAuth2AuthenticationException refused
                && refused.getError() instanceof BearerTokenError error) {
            challenge.append(", error=\"").append(error.getErrorCode()).append('"');
            if (error.getDescription() != null) {
                challenge
                        .append(", error_description=\"")
                        .append(error.getDescription().replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "'"))
                        .append('"');
            }
        }
        return challenge.toString();
    }

    /**
     * The users who sign in with a password: those configured, or, where none are and
     * {@code tracker.security.demo-users} allows them, the README's demo users (a site's own users replace them as a
     * whole). The start fails if a configured user has a published demo password without that setting, or if password
     * sign-in is on and no one could use it ({@link DemoPasswordGuard}).
     */
    @Bean
    UserDetailsService userDetailsService(
            TrackerUsersProperties properties,
            @Value("${tracker.security.http-basic.enabled:true}") boolean passwordSignIn) {
        DemoPasswordGuard.check(properties, passwordSignIn);
        Map<String, TrackerUser> users = new LinkedHashMap<>();
        if (properties.demoUsers() && properties.users().isEmpty()) {
            DemoUsers.ALL.forEach(demo -> users.put(demo.username(), user(demo.entry())));
        }
        properties.users().forEach(entry -> users.put(entry.username(), user(entry)));
        return username -> {
            TrackerUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            // a fresh copy: Spring Security erases credentials of the instance it authenticates
            return new TrackerUser(user.getUsername(), user.getPassword(), user.side(), user.getAuthorities());
        };
    }

    private static TrackerUser user(TrackerUsersProperties.UserEntry entry) {
        return new TrackerUser(
                entry.username(),
                entry.passwordHash(),
                entry.side(),
                List.of(new SimpleGrantedAuthority(entry.role().authority())));
    }
}
