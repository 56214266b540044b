package org.cetdialogue.tracker.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's sign-in through the identity provider, in the {@code jwt} profile: OpenID Connect's authorization
 * code flow with PKCE (Spring Security's {@code oauth2Login}), the provider's discovery document read on first use,
 * not at start. The ID token's claims name the person, their roles and their side, mapped as a bearer token's are
 * ({@link CallerClaims}); a person the mapping refuses is not signed in. The session ends with the ID token.
 * Signing out ends the session here and answers where to continue: the provider's end-session endpoint
 * (RP-initiated logout), which returns the browser to the dashboard.
 */
@Component
@ConditionalOnExpression("'${tracker.security.oidc.client-id:}' != ''")
public class OidcSignIn {

    static final String REGISTRATION_ID = "tracker";

    /** Where the page sends the browser to sign in. */
    public static final String START = "/oauth2/authorization/" + REGISTRATION_ID;

    private final ClientRegistrationRepository registrations;
    private final JwtProperties claims;
    private final IdentityProviderOutage outage;
    private final OidcUserService people = new OidcUserService();
    private final Clock clock;

    public OidcSignIn(
            OidcSignInProperties properties,
            JwtProperties claims,
            IdentityProviderOutage outage,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String bearerIssuer,
            ObjectProvider<Clock> clock) {
        this.claims = claims;
        this.outage = outage;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        String issuer = properties.issuerUri().isBlank() ? bearerIssuer : properties.issuerUri();
        if (issuer.isBlank()) {
            throw new IllegalStateException("tracker.security.oidc.client-id is set but no issuer is: set"
                    + " tracker.security.oidc.issuer-uri or TRACKER_JWT_ISSUER_URI");
        }
        SingletonSupplier<ClientRegistration> registration = SingletonSupplier.of(() -> discover(issuer, properties));
        this.registrations = id -> REGISTRATION_ID.equals(id) ? registration.obtain() : null;
    }

    private ClientRegistration discover(String issuer, OidcSignInProperties properties) {
        try {
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(REGISTRATION_ID)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .scope(properties.scopes())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .userNameAttributeName(claims.usernameClaim())
                    .build();
            outage.ended();
            return registration;
        } catch (RuntimeException e) {
            outage.began(e);
            throw new IdentityProviderUnavailableException(e);
        }
    }

    void configure(HttpSecurity http, ObjectMapper objectMapper, String sessionCookie) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        EndSessionAnswer signedOut = new EndSessionAnswer(registrations, objectMapper);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        http.oauth2Login(login -> login.loginPage("/")
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::person))
                        .successHandler((request, response, authentication) -> {
                            outage.ended();
                            response.sendRedirect(request.getContextPath() + "/");
                        })
                        .failureHandler(this::backToThePage)
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(OidcSignIn.this::backToThePage);
                                return filter;
                            }
                        }))
                .logout(logout ->
                        logout.logoutUrl("/logout").deleteCookies(sessionCookie).logoutSuccessHandler(signedOut))
                .addFilterAfter(new EndWithIdToken(), SecurityContextHolderFilter.class);
    }

    private OidcUser person(OidcUserRequest request) {
        OidcUser user = people.loadUser(request);
        CallerClaims caller = CallerClaims.of(
                user.getClaims(),
                claims,
                reason -> new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null)));
        return new TrackerOidcUser(
                caller.authorities(), user.getIdToken(), user.getUserInfo(), claims.usernameClaim(), caller.side());
    }

    /** A sign-in that failed returns to the page, which says why: the provider could not be reached, or refused. */
    private void backToThePage(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean unreachable = false;
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof IdentityProviderUnavailableException || cause instanceof ResourceAccessException) {
                unreachable = true;
                outage.began(cause);
                break;
            }
        }
        response.sendRedirect(request.getContextPath() + "/?signIn=" + (unreachable ? "unavailable" : "failed"));
    }

    /** Sign-out answers 200 with where the browser continues: the provider's end-session page. */
    private static final class EndSessionAnswer extends OidcClientInitiatedLogoutSuccessHandler {

        private final ObjectMapper objectMapper;

        EndSessionAnswer(ClientRegistrationRepository registrations, ObjectMapper objectMapper) {
            super(registrations);
            this.objectMapper = objectMapper;
        }

        @Override
        public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication who)
                throws IOException {
            String continueAt = determineTargetUrl(request, response, who);
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), Map.of("continueAt", continueAt));
        }
    }

    /** A session whose ID token has expired is over: it is ended before the request is authorized. */
    private final class EndWithIdToken extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null
                    && authentication.getPrincipal() instanceof OidcUser user
                    && user.getExpiresAt() != null
                    && !clock.instant().isBefore(user.getExpiresAt())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
            chain.doFilter(request, response);
        }
    }
}
