package org.cetdialogue.tracker.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.cetdialogue.tracker.api.commitment.Country;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Users who sign in with a password ({@code tracker.security.users}): each with a BCrypt password hash, one role and a
 * side. Where none are configured, {@code demo-users} lets the README's demo users ({@link DemoUsers}) sign in; it is
 * on in the standalone default and off in every production profile.
 */
@Validated
@ConfigurationProperties(prefix = "tracker.security")
public record TrackerUsersProperties(@Valid @DefaultValue List<UserEntry> users, boolean demoUsers) {

    public record UserEntry(
            @NotBlank String username,
            @NotBlank String passwordHash,
            @NotNull Role role,
            @NotNull Country side) {}
}
