package org.cetdialogue.tracker.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether the identity provider (its discovery document or its signing keys) could be reached. An outage is logged
 * once when it begins, with its cause in one line, and once when it ends, however many requests meet it in between:
 * an anonymous caller sending bearer tokens cannot fill the log.
 */
@Component
public class IdentityProviderOutage {

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderOutage.class);

    /** What a caller is told to wait before trying again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final AtomicReference<Instant> since = new AtomicReference<>();
    private final Clock clock;

    public IdentityProviderOutage(ObjectProvider<Clock> clock) {
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    void began(Throwable cause) {
        if (since.compareAndSet(null, clock.instant())) {
            log.warn(
                    "The identity provider cannot be reached: bearer tokens and sign-ins are answered 503 until it is"
                            + " back ({})",
                    rootMessage(cause));
        }
    }

    void ended() {
        Instant began = since.getAndSet(null);
        if (began != null) {
            log.info(
                    "The identity provider can be reached again, after {} s",
                    Duration.between(began, clock.instant()).toSeconds());
        }
    }

    public boolean ongoing() {
        return since.get() != null;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
