package org.cetdialogue.tracker.gateway.security;

import java.util.Collection;
import org.cetdialogue.tracker.api.commitment.Country;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A caller signed in with a JWT: the token, the roles and the side its claims name. */
public class TrackerJwtAuthentication extends JwtAuthenticationToken implements SidedCaller {

    private final Country side;

    public TrackerJwtAuthentication(
            Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name, Country side) {
        super(jwt, authorities, name);
        this.side = side;
    }

    @Override
    public Country side() {
        return side;
    }
}
