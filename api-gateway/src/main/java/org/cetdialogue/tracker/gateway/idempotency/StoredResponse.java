package org.cetdialogue.tracker.gateway.idempotency;

import java.time.Instant;

/** A claimed idempotency key: the request's fingerprint and, once it finished, its answer (status null in flight). */
record StoredResponse(
        String fingerprint,
        Integer status,
        String contentType,
        String location,
        byte[] body,
        Instant createdAt,
        Instant expiresAt) {

    boolean inFlight() {
        return status == null;
    }
}
