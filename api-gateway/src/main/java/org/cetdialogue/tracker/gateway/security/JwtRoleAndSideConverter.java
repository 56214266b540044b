package org.cetdialogue.tracker.gateway.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.cetdialogue.tracker.api.commitment.Country;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a validated JWT to the tracker's caller: the username, side and roles claims named in
 * {@link JwtClaimsProperties}. A token without a username or a side of US or ROK is refused (401); role names the
 * tracker does not know are ignored, so a token with none of its roles may read and write nothing (403).
 */
class JwtRoleAndSideConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final JwtClaimsProperties claims;

    JwtRoleAndSideConverter(JwtClaimsProperties claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(claims.usernameClaim());
        if (username == null || username.isBlank()) {
            throw new InvalidBearerTokenException("the token names no user");
        }
        Country side = side(jwt.getClaimAsString(claims.sideClaim()));
        List<GrantedAuthority> authorities = roleNames(jwt.getClaim(claims.rolesClaim())).stream()
                .map(name -> name.trim().toUpperCase(Locale.ROOT))
                .filter(name ->
                        Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .distinct()
                .map(name -> (GrantedAuthority)
                        new SimpleGrantedAuthority(Role.valueOf(name).authority()))
                .toList();
        return new TrackerJwtAuthentication(jwt, authorities, username, side);
    }

    private static Country side(String value) {
        if (value != null) {
            for (Country country : Country.values()) {
                if (country.name().equalsIgnoreCase(value.trim())) {
                    return country;
                }
            }
        }
        throw new InvalidBearerTokenException("the token names no side (US or ROK)");
    }

    private static List<String> roleNames(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return Arrays.stream(value.split("[\\s,]+"))
                    .filter(s -> !s.isBlank())
                    .toList();
        }
        return List.of();
    }
}
