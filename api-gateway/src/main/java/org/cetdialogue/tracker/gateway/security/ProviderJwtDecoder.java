package org.cetdialogue.tracker.gateway.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import java.text.ParseException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Tells a bad token from an unreachable identity provider. A value that is not a signed JWT is refused (401) before
 * the provider is asked anything, so that {@code Bearer abc} never waits on, or depends on, the provider. A failure to
 * fetch the provider's discovery document or its keys becomes {@link IdentityProviderUnavailableException} (503) and
 * is noted by {@link IdentityProviderOutage}; every other failure is a bad token (401).
 */
final class ProviderJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final IdentityProviderOutage outage;

    ProviderJwtDecoder(JwtDecoder delegate, IdentityProviderOutage outage) {
        this.delegate = delegate;
        this.outage = outage;
    }

    @Override
    public Jwt decode(String token) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new BadJwtException("the bearer token is not a JWT");
        }
        if (parsed instanceof PlainJWT) {
            throw new BadJwtException("unsigned tokens (alg none) are not accepted");
        }
        try {
            Jwt jwt = delegate.decode(token);
            outage.ended();
            return jwt;
        } catch (BadJwtException e) {
            throw e;
        } catch (JwtDecoderInitializationException e) {
            outage.began(e);
            throw new IdentityProviderUnavailableException(e);
        } catch (JwtException e) {
            if (causedByKeySource(e)) {
                outage.began(e);
                throw new IdentityProviderUnavailableException(e);
            }
            throw new BadJwtException(e.getMessage(), e);
        }
    }

    private static boolean causedByKeySource(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof KeySourceException) {
                return true;
            }
        }
        return false;
    }
}
