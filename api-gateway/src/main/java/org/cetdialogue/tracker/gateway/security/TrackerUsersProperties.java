package org.cetdialogue.tracker.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Country;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The standalone mode's users, from configuration ({@code tracker.security.users}): each with a BCrypt password hash,
 * one role and a side. The defaults in application.yml are documented demo users; replace them.
 */
@Validated
@ConfigurationProperties(prefix = "tracker.security")
public record TrackerUsersProperties(@Valid @NotEmpty List<UserEntry> users) {

    public record UserEntry(
            @NotBlank String username,
            @NotBlank String passwordHash,
            @NotNull Role role,
            @NotNull Country side) {}
}
