package org.cetdialogue.tracker.gateway.security;

import java.util.Collection;
import org.cetdialogue.tracker.api.commitment.Country;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A configured user: Spring Security's user plus the side they work for. */
public class TrackerUser extends User implements SidedCaller {

    private final Country side;

    public TrackerUser(
            String username, String passwordHash, Country side, Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, authorities);
        this.side = side;
    }

    @Override
    public Country side() {
        return side;
    }
}
