package org.cetdialogue.tracker.gateway.security;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How long the caller of the current request stays signed in, for what outlives the request (a live stream): until
 * its bearer token or ID token expires, and while its browser session is neither signed out nor timed out.
 */
@Component
public class SignInLifetime {

    private final Clock clock;

    public SignInLifetime(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Read on the request's thread; the answer may be asked from any thread, for as long as the stream lives. */
    public BooleanSupplier ofCurrentCaller() {
        Instant expiry = credentialExpiry(SecurityContextHolder.getContext().getAuthentication());
        HttpSession session = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getSession(false)
                : null;
        return () -> (expiry == null || clock.instant().isBefore(expiry)) && (session == null || alive(session));
    }

    private static Instant credentialExpiry(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getExpiresAt();
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser person) {
            return person.getExpiresAt();
        }
        return null;
    }

    private boolean alive(HttpSession session) {
        try {
            int maxInactiveSeconds = session.getMaxInactiveInterval();
            return maxInactiveSeconds <= 0
                    || clock.millis() - session.getLastAccessedTime() < maxInactiveSeconds * 1000L;
        } catch (IllegalStateException invalidated) {
            return false; // signed out
        }
    }
}
