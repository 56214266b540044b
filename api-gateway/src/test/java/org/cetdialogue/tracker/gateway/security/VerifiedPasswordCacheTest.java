package org.cetdialogue.tracker.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A verified password is remembered for a while; a wrong one never is. */
class VerifiedPasswordCacheTest {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    private final String hash = bcrypt.encode("right-password");
    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aVerifiedPasswordIsCheckedWithBcryptOnceUntilItsTimeRunsOut() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(10), 10, clock);

        assertThat(cache.matches("right-password", hash)).isTrue();
        assertThat(cache.matches("right-password", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        now = now.plus(Duration.ofMinutes(11));
        assertThat(cache.matches("right-password", hash)).isTrue();
        assertThat(bcryptChecks).as("checked again after the time to live").hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndNeverMatches() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(10), 10, clock);
        assertThat(cache.matches("right-password", hash)).isTrue();

        assertThat(cache.matches("wrong-password", hash)).isFalse();
        assertThat(cache.matches("wrong-password", hash)).isFalse();
        assertThat(cache.matches("right-password", bcrypt.encode("another-users-password")))
                .as("the same password against another hash")
                .isFalse();
        assertThat(bcryptChecks).hasValue(4);
    }

    @Test
    void aZeroTimeToLiveChecksEveryTime() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ZERO, 10, clock);

        cache.matches("right-password", hash);
        cache.matches("right-password", hash);

        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void theCacheHoldsAtMostItsCapacity() {
        VerifiedPasswordCache cache = new VerifiedPasswordCache(counting, Duration.ofMinutes(10), 1, clock);
        String otherHash = bcrypt.encode("other-password");
        cache.matches("right-password", hash);
        cache.matches("other-password", otherHash);

        cache.matches("right-password", hash);

        assertThat(bcryptChecks).as("the first was evicted by the second").hasValue(3);
    }
}
