package org.cetdialogue.tracker.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.axonframework.messaging.MetaData;

/**
 * A write sent with an {@code Idempotency-Key}, as it travels in a command's metadata and from there (Axon's
 * correlation data) in the metadata of the events the command applies: {@code key} stands for the caller and the key
 * they chose, {@code fingerprint} for the request (method, path and body). Both are digests, so neither the key nor
 * the body is stored twice. The write side answers a command whose key it already applied with the version of that
 * earlier event instead of applying it again, and refuses it ({@code IDEMPOTENCY_KEY_REUSED}) when the fingerprint
 * differs.
 */
public record IdempotentRequest(String key, String fingerprint) {

    public static final String KEY = "idempotencyKey";
    public static final String FINGERPRINT = "requestFingerprint";
    public static final List<String> KEYS = List.of(KEY, FINGERPRINT);

    public IdempotentRequest {
        Objects.requireNonNull(key, "key is required");
        Objects.requireNonNull(fingerprint, "fingerprint is required");
    }

    /** The request of {@code username} with the {@code Idempotency-Key} {@code key} and the request digest given. */
    public static IdempotentRequest of(String username, String key, String requestDigest) {
        return new IdempotentRequest(digest(username + '\n' + key), digest(requestDigest));
    }

    /** The idempotent request a message's metadata carries, or null when it carries none (as events before it did). */
    public static IdempotentRequest from(MetaData metaData) {
        Object key = metaData.get(KEY);
        Object fingerprint = metaData.get(FINGERPRINT);
        if (key == null || fingerprint == null) {
            return null;
        }
        return new IdempotentRequest(key.toString(), fingerprint.toString());
    }

    public MetaData toMetaData() {
        return MetaData.with(KEY, key).and(FINGERPRINT, fingerprint);
    }

    /** The first 128 bits of SHA-256, base64url: short enough to remember many, long enough never to collide. */
    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
