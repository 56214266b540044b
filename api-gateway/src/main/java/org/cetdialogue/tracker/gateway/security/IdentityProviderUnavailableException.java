package org.cetdialogue.tracker.gateway.security;

import org.springframework.security.oauth2.jwt.JwtException;

/** A bearer token could not be checked because the identity provider could not be reached: 503, not 401. */
public class IdentityProviderUnavailableException extends JwtException {

    public IdentityProviderUnavailableException(Throwable cause) {
        super("the identity provider cannot be reached", cause);
    }
}
