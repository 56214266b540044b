package org.cetdialogue.tracker.gateway.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
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
@EnableConfigurationProperties({TrackerUsersProperties.class, JwtClaimsProperties.class})
public class SecurityConfiguration {

    private static final String[] READ_ROLES = {Role.SECRETARIAT.name(), Role.AUDITOR.name(), Role.VIEWER.name()};

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemResponses problems,
            ObjectProvider<JwtDecoder> jwtDecoder,
            JwtClaimsProperties claims,
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
            http.oauth2ResourceServer(server -> server.jwt(
                            jwt -> jwt.jwtAuthenticationConverter(new JwtRoleAndSideConverter(claims)))
                    .authenticationEntryPoint((request, response, e) -> problems.write(
                            response,
                            HttpStatus.UNAUTHORIZED,
                            "Authentication required",
                            "Sign in with a valid bearer token.",
                            Map.of("WWW-Authenticate", "Bearer realm=\"cet-tracker\"")))
                    .accessDeniedHandler((request, response, e) -> problems.write(
                            response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.")));
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
                        // auditors: the full history, exports, replays and verification
                        .requestMatchers("/api/audit", "/api/audit/**")
                        .hasRole(Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/commitments", "/api/commitments/**")
                        .hasRole(Role.SECRETARIAT.name())
                        .requestMatchers(
                                HttpMethod.GET,
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

    @Bean
    UserDetailsService userDetailsService(TrackerUsersProperties properties) {
        Map<String, TrackerUser> users = properties.users().stream()
                .map(u -> new TrackerUser(
                        u.username(),
                        u.passwordHash(),
                        u.side(),
                        List.of(new SimpleGrantedAuthority(u.role().authority()))))
                .collect(Collectors.toMap(TrackerUser::getUsername, Function.identity()));
        return username -> {
            TrackerUser user = users.get(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            // a fresh copy: Spring Security erases credentials of the instance it authenticates
            return new TrackerUser(user.getUsername(), user.getPassword(), user.side(), user.getAuthorities());
        };
    }
}
