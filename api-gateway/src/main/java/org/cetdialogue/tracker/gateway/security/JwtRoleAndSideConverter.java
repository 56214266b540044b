package org.cetdialogue.tracker.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** Maps a validated bearer token to the tracker's caller by {@link CallerClaims}; a token it refuses answers 401. */
class JwtRoleAndSideConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtProperties properties;

    JwtRoleAndSideConverter(JwtProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        CallerClaims caller = CallerClaims.of(jwt.getClaims(), properties, InvalidBearerTokenException::new);
        return new TrackerJwtAuthentication(jwt, caller.authorities(), caller.username(), caller.side());
    }
}
