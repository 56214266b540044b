package org.cetdialogue.tracker.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Server-Sent Event streams.
 *
 * @param heartbeat how often an idle stream sends a comment, so a client that went away is noticed and its
 *     subscription closed
 * @param maxPerUser how many streams one user may hold open at once; one more is refused with 429
 * @param recentActivity how many recent entries a new activity stream starts with
 * @param replayPageSize how many missed activity entries are read at a time for a reconnecting client (all of them
 *     are sent)
 */
@ConfigurationProperties("tracker.stream")
public record StreamProperties(Duration heartbeat, int maxPerUser, int recentActivity, int replayPageSize) {

    public StreamProperties {
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            heartbeat = Duration.ofSeconds(15);
        }
        if (maxPerUser < 1) {
            maxPerUser = 16;
        }
        if (recentActivity < 1) {
            recentActivity = 50;
        }
        if (replayPageSize < 1) {
            replayPageSize = 10_000;
        }
    }
}
