package org.cetdialogue.tracker.gateway.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Counts the streams each user holds open and refuses one beyond the cap. */
@Component
public class StreamLimiter {

    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final StreamProperties properties;

    public StreamLimiter(StreamProperties properties) {
        this.properties = properties;
    }

    /** Takes a stream for {@code user}; {@link TooManyStreamsException} when the user holds the maximum already. */
    public void acquire(String user) {
        boolean[] refused = {false};
        open.compute(user, (name, count) -> {
            int held = count == null ? 0 : count;
            if (held >= properties.maxPerUser()) {
                refused[0] = true;
                return count;
            }
            return held + 1;
        });
        if (refused[0]) {
            throw new TooManyStreamsException(properties.maxPerUser());
        }
    }

    /** Gives back a stream of {@code user}. */
    public void release(String user) {
        open.computeIfPresent(user, (name, count) -> count <= 1 ? null : count - 1);
    }

    /** How many streams {@code user} holds open. */
    public int openStreams(String user) {
        return open.getOrDefault(user, 0);
    }

    /** How many streams all users hold open. */
    public int openStreams() {
        return open.values().stream().mapToInt(Integer::intValue).sum();
    }
}
