package org.cetdialogue.tracker.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt, remembering for a while the passwords it has already verified. An API client sends its password with every
 * request (HTTP Basic); checking it with BCrypt each time costs tens of milliseconds of CPU, more than the request
 * itself. A password that matched is remembered as an HMAC-SHA-256 of the password and its stored hash, under a
 * random key that lives only in this process, for {@code ttl}; the next request with the same password is answered
 * from memory. A failed check is never remembered, so a guess costs a full BCrypt check every time (and the failed
 * login limits still count it). The users come from configuration: changing a password needs a restart, which
 * empties the cache.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, Long> verifiedUntil;

    VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, int capacity, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
        this.verifiedUntil = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > VerifiedPasswordCache.this.capacity;
            }
        };
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttl.isZero()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        long now = clock.millis();
        synchronized (verifiedUntil) {
            Long until = verifiedUntil.get(fingerprint);
            if (until != null && until > now) {
                return true;
            }
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (verifiedUntil) {
                verifiedUntil.put(fingerprint, now + ttl.toMillis());
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
