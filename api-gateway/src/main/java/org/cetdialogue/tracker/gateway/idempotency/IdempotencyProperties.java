package org.cetdialogue.tracker.gateway.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tracker.idempotency.*}: how long a key and its answer are kept ({@code expiry}), after how long a request that
 * never finished (its node died) stops blocking its key ({@code in-flight-timeout}), and how often expired keys are
 * deleted ({@code purge-interval}).
 */
@Validated
@ConfigurationProperties(prefix = "tracker.idempotency")
public record IdempotencyProperties(
        @NotNull @DefaultValue("PT24H") Duration expiry,
        @NotNull @DefaultValue("PT2M") Duration inFlightTimeout,
        @NotNull @DefaultValue("PT1H") Duration purgeInterval) {}
