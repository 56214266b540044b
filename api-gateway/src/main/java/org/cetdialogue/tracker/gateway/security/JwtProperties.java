package org.cetdialogue.tracker.gateway.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer tokens ({@code tracker.security.jwt.*}, the {@code jwt} profile): the audience a token must be issued for,
 * the clock skew allowed on {@code exp}, {@code nbf} and {@code iat}, the signature algorithms accepted (asymmetric
 * only: a token MACed with the provider's public key is refused), and which claims name the user, their roles
 * ({@code SECRETARIAT}, {@code AUDITOR}, {@code VIEWER}, as a list or a space- or comma-separated string) and their
 * side ({@code US} or {@code ROK}). The same claims are read from the ID token of a dashboard sign-in.
 */
@Validated
@ConfigurationProperties(prefix = "tracker.security.jwt")
public record JwtProperties(
        @DefaultValue("") String audience,
        @DefaultValue("60s") Duration clockSkew,

        @NotEmpty @DefaultValue({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"})
        List<String> algorithms,

        @NotBlank @DefaultValue("sub") String usernameClaim,
        @NotBlank @DefaultValue("roles") String rolesClaim,
        @NotBlank @DefaultValue("side") String sideClaim) {}
