package org.cetdialogue.tracker.api.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.messaging.MetaData;

/**
 * The metadata every command carries and passes on to its events: who recorded it (the authenticated user, never a
 * field of a request body), that user's side, the request's correlation id and, where one was given, the reason.
 */
public record AuditMetadata(String username, String side, String roles, String correlationId, String reason) {

    public static final String USERNAME = "username";
    public static final String SIDE = "side";
    public static final String ROLES = "roles";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REASON = "reason";
    public static final List<String> KEYS = List.of(USERNAME, SIDE, ROLES, CORRELATION_ID, REASON);

    public AuditMetadata {
        Objects.requireNonNull(username, "username is required");
        Objects.requireNonNull(side, "side is required");
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = UUID.randomUUID().toString();
        }
    }

    /** The value under {@code key} of a stored message's metadata as text, or null when it has none. */
    public static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    public MetaData toMetaData() {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put(USERNAME, username);
        values.put(SIDE, side);
        values.put(CORRELATION_ID, correlationId);
        if (roles != null) {
            values.put(ROLES, roles);
        }
        if (reason != null && !reason.isBlank()) {
            values.put(REASON, reason);
        }
        return MetaData.from(values);
    }
}
