package org.cetdialogue.tracker.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;

/**
 * One resilience4j rate limiter per key (a username, a client address), created on first use and forgotten after two
 * idle periods, in a bounded Caffeine cache so that a flood of made-up usernames cannot exhaust memory.
 */
final class RateLimiters {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    RateLimiters(RateLimitProperties.Limit limit) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.permits())
                .limitRefreshPeriod(limit.period())
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterAccess(limit.period().multipliedBy(2))
                .build();
    }

    private RateLimiter limiter(String key) {
        return limiters.get(key, k -> new AtomicRateLimiter(k, config));
    }

    /** Takes one permit for the key; empty if granted, else how long until the next permit. */
    Optional<Duration> acquire(String key) {
        RateLimiter limiter = limiter(key);
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(waitFor(limiter));
    }

    /** Empty while the key has permits left, else how long until the next one; takes nothing. */
    Optional<Duration> exhausted(String key) {
        RateLimiter limiter = limiters.getIfPresent(key);
        if (limiter == null || limiter.getMetrics().getAvailablePermissions() > 0) {
            return Optional.empty();
        }
        return Optional.of(waitFor(limiter));
    }

    /** Records one use of the key (a failed sign-in), whether or not a permit was left. */
    void consume(String key) {
        limiter(key).acquirePermission();
    }

    private Duration waitFor(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait()
                : config.getLimitRefreshPeriod().toNanos();
        return Duration.ofNanos(Math.max(nanos, 0));
    }
}
