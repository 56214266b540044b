package org.cetdialogue.tracker.query.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvents;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The full history, read from the event store itself ({@code domain_event_entry}) and filtered through the auditors'
 * index ({@code audit_event}, kept by the chain processor). Pages are keyed by global position: each page starts
 * after a cursor, so no page scans what came before it.
 */
@Component
public class AuditHistory {

    public static final int MAX_LIMIT = 1000;

    private static final ObjectMapper STORED = MessageJson.newObjectMapper();

    private final JdbcClient jdbc;

    public AuditHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AuditEventPage page(HistoryFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT a.area, " + StoredEvent.COLUMNS
                + " FROM audit_event a JOIN domain_event_entry e ON e.global_index = a.global_index"
                + " WHERE a.global_index > :after");
        if (filter.commitment() != null) {
            sql.append(" AND a.commitment_id = :commitment");
        }
        if (filter.area() != null) {
            sql.append(" AND a.area = :area");
        }
        if (filter.actor() != null) {
            sql.append(" AND a.actor = :actor");
        }
        if (filter.type() != null) {
            sql.append(" AND a.event_type = :type");
        }
        if (filter.recordedFrom() != null) {
            sql.append(" AND a.recorded_at >= :recordedFrom");
        }
        if (filter.recordedTo() != null) {
            sql.append(" AND a.recorded_at < :recordedTo");
        }
        sql.append(" ORDER BY a.global_index LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("after", filter.after()).param("limit", filter.limit() + 1);
        if (filter.commitment() != null) {
            statement = statement.param("commitment", filter.commitment());
        }
        if (filter.area() != null) {
            statement = statement.param("area", filter.area());
        }
        if (filter.actor() != null) {
            statement = statement.param("actor", filter.actor());
        }
        if (filter.type() != null) {
            statement = statement.param("type", filter.type());
        }
        if (filter.recordedFrom() != null) {
            statement = statement.param("recordedFrom", utc(filter.recordedFrom()));
        }
        if (filter.recordedTo() != null) {
            statement = statement.param("recordedTo", utc(filter.recordedTo()));
        }
        List<AuditEvent> events = new ArrayList<>(statement
                .query((rs, row) -> read(StoredEvent.map(rs, row), rs.getString("area")))
                .list());
        Long next = null;
        if (events.size() > filter.limit()) {
            events.remove(events.size() - 1);
            next = events.get(events.size() - 1).position();
        }
        return new AuditEventPage(events, next);
    }

    /** Every event of one commitment, read straight from the event store; empty if it has none. */
    public Optional<CommitmentAuditHistory> commitment(String commitmentId) {
        List<StoredEvent> stored = jdbc.sql("SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry e WHERE e.aggregate_identifier = :id ORDER BY e.sequence_number")
                .param("id", commitmentId)
                .query(StoredEvent::map)
                .list();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String area = Optional.ofNullable(payload(stored.get(0)).get("area"))
                .map(JsonNode::asText)
                .orElse(null);
        return Optional.of(new CommitmentAuditHistory(
                commitmentId,
                area,
                stored.stream().map(event -> read(event, area)).toList()));
    }

    /** The auditor's view of one stored event. */
    public static AuditEvent read(StoredEvent event, String area) {
        JsonNode payload = payload(event);
        JsonNode metaData = metaData(event);
        AuditEvent.Correction correction = null;
        if (payload.has("correctedSequence") && payload.has("before") && payload.has("after")) {
            correction = new AuditEvent.Correction(
                    payload.get("correctedSequence").asLong(),
                    text(payload, "correctedEventType"),
                    text(payload, "funder"),
                    payload.get("before"),
                    payload.get("after"));
        }
        return new AuditEvent(
                event.globalIndex(),
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.simpleType(),
                area,
                effectiveOn(event, payload),
                Instant.parse(event.timeStamp()),
                text(metaData, AuditMetadata.USERNAME),
                text(metaData, AuditMetadata.SIDE),
                text(metaData, AuditMetadata.REASON),
                text(metaData, AuditMetadata.CORRELATION_ID),
                payload,
                correction);
    }

    /** The event's effective date, through its own class (where the class is known to this build). */
    public static LocalDate effectiveOn(StoredEvent event, JsonNode payload) {
        try {
            Class<?> type = Class.forName(CommitmentEvents.className(event.payloadType()));
            if (CommitmentEvent.class.isAssignableFrom(type)) {
                return ((CommitmentEvent) STORED.treeToValue(payload, type)).effectiveOn();
            }
        } catch (ClassNotFoundException | IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    public static JsonNode payload(StoredEvent event) {
        return tree(event.payload());
    }

    public static JsonNode metaData(StoredEvent event) {
        return event.metaData() == null ? STORED.createObjectNode() : tree(event.metaData());
    }

    private static JsonNode tree(byte[] json) {
        try {
            return STORED.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event is not JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
