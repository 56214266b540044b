package org.cetdialogue.tracker.gateway.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which claims of a JWT name the user, their roles and their side ({@code tracker.security.jwt.*}), for the {@code jwt}
 * profile. The roles claim holds role names ({@code SECRETARIAT}, {@code AUDITOR}, {@code VIEWER}) as a list or a
 * space- or comma-separated string; the side claim {@code US} or {@code ROK}.
 */
@Validated
@ConfigurationProperties(prefix = "tracker.security.jwt")
public record JwtClaimsProperties(
        @NotBlank @DefaultValue("sub") String usernameClaim,
        @NotBlank @DefaultValue("roles") String rolesClaim,
        @NotBlank @DefaultValue("side") String sideClaim) {}
