package org.cetdialogue.tracker.gateway.security;

import java.util.Collection;
import org.cetdialogue.tracker.api.commitment.Country;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A person signed in to the dashboard through the identity provider: roles and side from their ID token's claims. */
public class TrackerOidcUser extends DefaultOidcUser implements SidedCaller {

    private final Country side;

    TrackerOidcUser(
            Collection<? extends GrantedAuthority> authorities,
            OidcIdToken idToken,
            OidcUserInfo userInfo,
            String usernameClaim,
            Country side) {
        super(authorities, idToken, userInfo, usernameClaim);
        this.side = side;
    }

    @Override
    public Country side() {
        return side;
    }
}
