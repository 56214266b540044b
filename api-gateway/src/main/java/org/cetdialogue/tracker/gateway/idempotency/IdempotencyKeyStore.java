package org.cetdialogue.tracker.gateway.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code idempotency_key} table. Each statement runs on its own (auto-commit), so that a claim is visible to every
 * other request, on every node sharing the database, the moment it is made.
 */
@Repository
public class IdempotencyKeyStore {

    private final JdbcTemplate jdbc;
    private final IdempotencyProperties properties;
    private final Clock clock;

    public IdempotencyKeyStore(JdbcTemplate jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** Claims the key for a new request: true if this request holds it now, false if it was already claimed. */
    boolean claim(String username, String key, String fingerprint) {
        Instant now = clock.instant();
        try {
            jdbc.update(
                    "INSERT INTO idempotency_key (username, idempotency_key, request_fingerprint, created_at,"
                            + " expires_at) VALUES (?, ?, ?, ?, ?)",
                    username,
                    key,
                    fingerprint,
                    Timestamp.from(now),
                    Timestamp.from(now.plus(properties.expiry())));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<StoredResponse> find(String username, String key) {
        List<StoredResponse> rows = jdbc.query(
                "SELECT request_fingerprint, response_status, response_content_type, response_location,"
                        + " response_body, created_at, expires_at FROM idempotency_key"
                        + " WHERE username = ? AND idempotency_key = ?",
                (rs, i) -> new StoredResponse(
                        rs.getString(1),
                        (Integer) rs.getObject(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBytes(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7).toInstant()),
                username,
                key);
        return rows.stream().findFirst();
    }

    /** True when a stored key no longer counts: expired, or in flight for longer than any request takes. */
    boolean isStale(StoredResponse stored) {
        Instant now = clock.instant();
        return stored.expiresAt().isBefore(now)
                || (stored.inFlight()
                        && stored.createdAt().plus(properties.inFlightTimeout()).isBefore(now));
    }

    /** Deletes the key if it is still the row that was read (so a newer claim is never removed). */
    void forget(String username, String key, StoredResponse stored) {
        jdbc.update(
                "DELETE FROM idempotency_key WHERE username = ? AND idempotency_key = ? AND created_at = ?",
                username,
                key,
                Timestamp.from(stored.createdAt()));
    }

    void complete(String username, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update(
                "UPDATE idempotency_key SET response_status = ?, response_content_type = ?, response_location = ?,"
                        + " response_body = ? WHERE username = ? AND idempotency_key = ?",
                status,
                contentType,
                location,
                body,
                username,
                key);
    }

    /** Gives the key up after a failure that a retry may cure (a 5xx, a 429): the next request claims it anew. */
    void release(String username, String key) {
        jdbc.update(
                "DELETE FROM idempotency_key WHERE username = ? AND idempotency_key = ? AND response_status IS NULL",
                username,
                key);
    }

    /** Deletes expired keys; runs every {@code tracker.idempotency.purge-interval}. */
    @Scheduled(
            fixedDelayString = "${tracker.idempotency.purge-interval:PT1H}",
            initialDelayString = "${tracker.idempotency.purge-interval:PT1H}")
    public int purgeExpired() {
        return jdbc.update("DELETE FROM idempotency_key WHERE expires_at < ?", Timestamp.from(clock.instant()));
    }
}
