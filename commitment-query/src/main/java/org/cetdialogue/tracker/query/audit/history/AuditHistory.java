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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cetdialogue.tracker.api.audit.AuditEvent;
import org.cetdialogue.tracker.api.audit.AuditEventPage;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.audit.CommitmentAuditHistory;
import org.cetdialogue.tracker.api.audit.FindAuditEventsQuery;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvents;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The full history, read from the event store through Axon ({@link StoredEvents}) and filtered through the auditors'
 * index ({@code audit_event}, kept by the chain processor). Pages are keyed by global position: each page starts
 * after a cursor, so no page reads what came before it.
 */
@Component
public class AuditHistory {

    private static final ObjectMapper STORED = MessageJson.newObjectMapper();

    private final JdbcClient jdbc;
    private final StoredEvents storedEvents;

    public AuditHistory(JdbcClient jdbc, StoredEvents storedEvents) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
    }

    public AuditEventPage page(FindAuditEventsQuery filter) {
        StringBuilder sql =
                new StringBuilder("SELECT a.global_index, a.area FROM audit_event a WHERE a.global_index > :after");
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
        // the index names the page's positions and areas; the events themselves come from the event store
        Map<Long, String> areas = new LinkedHashMap<>();
        statement
                .query((rs, row) -> areas.put(rs.getLong("global_index"), rs.getString("area")))
                .list();
        List<AuditEvent> events = new ArrayList<>();
        if (!areas.isEmpty()) {
            long first = areas.keySet().iterator().next();
            long last = new ArrayList<>(areas.keySet()).get(areas.size() - 1);
            storedEvents.forEach(first - 1, last, event -> {
                if (areas.containsKey(event.globalIndex())) {
                    events.add(read(event, areas.get(event.globalIndex())));
                }
                return true;
            });
        }
        Long next = null;
        if (events.size() > filter.limit()) {
            events.remove(events.size() - 1);
            next = events.get(events.size() - 1).position();
        }
        return new AuditEventPage(events, next);
    }

    /**
     * Every event of one commitment, read from the event store; empty if it has none. Their global positions come
     * from the auditors' index for the events already chained (one commitment's events are chained in sequence order)
     * and, for the few the chain has not reached yet, from the global stream past the chain's head.
     */
    public Optional<CommitmentAuditHistory> commitment(String commitmentId) {
        List<StoredEvent> stored = storedEvents.ofAggregate(commitmentId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<Long> positions = new ArrayList<>(
                jdbc.sql("SELECT global_index FROM audit_event WHERE commitment_id = :id ORDER BY global_index")
                        .param("id", commitmentId)
                        .query(Long.class)
                        .list());
        if (positions.size() < stored.size()) {
            long chainHead = jdbc.sql("SELECT COALESCE(MAX(global_index), -1) FROM event_chain")
                    .query(Long.class)
                    .single();
            storedEvents.forEach(chainHead, StoredEvents.TO_THE_HEAD, event -> {
                if (commitmentId.equals(event.aggregateIdentifier()) && !positions.contains(event.globalIndex())) {
                    positions.add(event.globalIndex());
                }
                return positions.size() < stored.size();
            });
        }
        String area = Optional.ofNullable(payload(stored.get(0)).get("area"))
                .map(JsonNode::asText)
                .orElse(null);
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            StoredEvent event = stored.get(i);
            long position = i < positions.size() ? positions.get(i) : -1;
            events.add(read(withPosition(event, position), area));
        }
        return Optional.of(new CommitmentAuditHistory(commitmentId, area, events));
    }

    private static StoredEvent withPosition(StoredEvent event, long globalIndex) {
        return new StoredEvent(
                globalIndex,
                event.eventIdentifier(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                event.type(),
                event.payloadType(),
                event.payloadRevision(),
                event.timeStamp(),
                event.payload(),
                event.metaData());
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
