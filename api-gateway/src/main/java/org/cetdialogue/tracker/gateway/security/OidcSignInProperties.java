package org.cetdialogue.tracker.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's sign-in through the identity provider ({@code tracker.security.oidc.*}, the {@code jwt} profile):
 * the tracker's client registration at the provider. Off while {@code client-id} is empty. The issuer defaults to the
 * bearer tokens' issuer; the scopes must make the provider put the role and side claims into the ID token.
 */
@ConfigurationProperties(prefix = "tracker.security.oidc")
public record OidcSignInProperties(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("") String issuerUri,
        @DefaultValue("openid") List<String> scopes) {}
