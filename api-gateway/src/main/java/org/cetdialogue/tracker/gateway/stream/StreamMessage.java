package org.cetdialogue.tracker.gateway.stream;

import org.cetdialogue.tracker.gateway.freshness.Freshness;

/**
 * The data of every stream event: the projection's position and lag behind the event store when it was sent, whether
 * it is being rebuilt (then {@code progress} is the share done, 0–100, and {@code data} is absent rather than stale),
 * and the data itself.
 */
public record StreamMessage(Long position, Long lag, boolean rebuilding, Integer progress, Object data) {

    static StreamMessage of(Freshness freshness, Object data) {
        return new StreamMessage(
                freshness.position(),
                freshness.lag(),
                freshness.rebuilding(),
                freshness.progress(),
                freshness.rebuilding() ? null : data);
    }
}
