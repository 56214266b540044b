package org.cetdialogue.tracker.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits ({@code tracker.rate-limit.*}), each a number of permits per period: requests per signed-in user, and
 * failed sign-ins per (username, client address) and per client
 * address (never per username alone, so that a flood of wrong passwords cannot lock the user out). Past a limit the tracker answers 429 with {@code Retry-After}
 * until the period ends.
 */
@Validated
@ConfigurationProperties(prefix = "tracker.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Valid @NotNull Limit requestsPerUser,
        @Valid @NotNull Limit failedLoginsPerUserAndAddress,
        @Valid @NotNull Limit failedLoginsPerAddress) {

    /** At most {@code permits} in each {@code period}. */
    public record Limit(@Min(1) int permits, @NotNull Duration period) {}
}
