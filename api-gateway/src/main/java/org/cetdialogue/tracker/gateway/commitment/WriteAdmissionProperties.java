package org.cetdialogue.tracker.gateway.commitment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many writes the gateway lets in, under {@code tracker.write}. Writes to one commitment take turns in this
 * process before they start a transaction, so a write waiting for its turn holds no database connection.
 *
 * @param maxExecuting writes that may run at once (each holds one pooled connection while it runs); keep it below
 *     the pool size, so that event processors and reads always find connections
 * @param maxWaitingPerCommitment writes that may wait for their turn on one commitment; one more is refused at once
 * @param maxWaiting writes that may wait in all; one more is refused at once
 * @param maxWait how long a write may wait for its turn; past it, it is refused without having run
 * @param retryAfter what a refused write is told to wait before trying again ({@code Retry-After}, whole seconds)
 */
@ConfigurationProperties("tracker.write")
public record WriteAdmissionProperties(
        int maxExecuting, int maxWaitingPerCommitment, int maxWaiting, Duration maxWait, Duration retryAfter) {

    public WriteAdmissionProperties {
        if (maxExecuting < 1) {
            maxExecuting = 4;
        }
        if (maxWaitingPerCommitment < 0) {
            maxWaitingPerCommitment = 16;
        }
        if (maxWaiting < 0) {
            maxWaiting = 128;
        }
        if (maxWait == null || maxWait.isNegative()) {
            maxWait = Duration.ofSeconds(2);
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            retryAfter = Duration.ofSeconds(1);
        }
    }
}
