package org.cetdialogue.tracker.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How stream events are written out, under {@code tracker.stream.delivery}.
 *
 * @param threads the threads that write events to the streams' connections, all streams together (no thread per
 *     stream: a stream uses one only while an event of its own is being written)
 * @param queueCapacity events waiting for a writer thread, all streams together; a stream whose event finds the queue
 *     full is ended (its client reconnects), so that a flood never grows without bound
 * @param freshnessMaxAge how old the freshness a heartbeat reports may be: streams of one projection share it, so
 *     that a thousand idle streams do not each ask for it on every heartbeat
 * @param maxOpening streams that may read their initial state at once (each reads the database); others wait their
 *     turn, holding no connection, so that a thousand clients reconnecting together do not drain the pool
 * @param openWait how long a stream may wait for its turn to open; past it, 503 with {@code Retry-After}
 * @param activityBuffer updates an activity stream may fall behind before Axon drops the oldest (its subscription
 *     keeps the last this many; Axon's default, 256, lost entries of a busy feed): every entry of the feed matters,
 *     whereas the other streams send whole states, where only the latest does
 */
@ConfigurationProperties("tracker.stream.delivery")
public record StreamDeliveryProperties(
        int threads,
        int queueCapacity,
        Duration freshnessMaxAge,
        int maxOpening,
        Duration openWait,
        int activityBuffer) {

    public StreamDeliveryProperties {
        if (threads < 1) {
            threads = 4;
        }
        if (queueCapacity < 1) {
            queueCapacity = 10_000;
        }
        if (freshnessMaxAge == null || freshnessMaxAge.isNegative()) {
            freshnessMaxAge = Duration.ofMillis(250);
        }
        if (maxOpening < 1) {
            maxOpening = 4;
        }
        if (openWait == null || openWait.isNegative() || openWait.isZero()) {
            openWait = Duration.ofSeconds(20);
        }
        if (activityBuffer < 1) {
            activityBuffer = 4096;
        }
    }
}
