package org.cetdialogue.tracker.query.activity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.query.ActivityEntry;
import org.cetdialogue.tracker.api.query.ActivityFeed;
import org.cetdialogue.tracker.api.query.EventPosition;
import org.cetdialogue.tracker.api.query.FindActivityQuery;
import org.cetdialogue.tracker.api.query.FindEventPositionQuery;
import org.cetdialogue.tracker.api.query.Projections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity feed: every event once, keyed by its global position in the event store (taken from the tracking
 * token, or asked of the write side when a late-committed event's token reports a position another entry holds), with a one-line summary, the event's own fields (so that a page can word it in its own language), who
 * recorded it from which side, and why. A redelivered event is recognised by its
 * commitment and sequence number and changes nothing. Each new entry is sent to the feed's subscribers once its transaction commits.
 */
@Component
@ProcessingGroup(ActivityProjection.PROCESSING_GROUP)
public class ActivityProjection {

    public static final String PROCESSING_GROUP = Projections.ACTIVITY;

    /** How far back a late-committed event can lie: Axon's gap-aware tokens keep gaps this far behind. */
    static final long GAP_WINDOW = 10_000;

    private static final ObjectMapper JSON = MessageJson.newObjectMapper();
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter updates;
    private final QueryGateway queries;

    public ActivityProjection(JdbcClient jdbc, QueryUpdateEmitter updates, QueryGateway queries) {
        this.jdbc = jdbc;
        this.updates = updates;
        this.queries = queries;
    }

    @EventHandler
    void on(CommitmentEvent event, DomainEventMessage<?> message, TrackingToken token) {
        if (recorded(event.commitmentId(), message.getSequenceNumber())) {
            return;
        }
        long position = token.position()
                .orElseThrow(() -> new IllegalStateException("a tracking token without a position: " + token));
        if (taken(position)) {
            position = storedPosition(event.commitmentId(), message.getSequenceNumber(), position);
        }
        MetaData meta = message.getMetaData();
        ActivityEntry entry = new ActivityEntry(
                position,
                event.commitmentId(),
                message.getSequenceNumber(),
                event.getClass().getSimpleName(),
                event.summary(),
                event.effectiveOn(),
                message.getTimestamp(),
                AuditMetadata.text(meta, AuditMetadata.USERNAME),
                AuditMetadata.text(meta, AuditMetadata.SIDE),
                AuditMetadata.text(meta, AuditMetadata.REASON),
                details(event));
        jdbc.sql("INSERT INTO activity_entry (global_position, commitment_id, sequence_number, event_type, summary,"
                        + " effective_on, recorded_at, actor, side, reason, details) VALUES (:position, :id, :sequence,"
                        + " :type, :summary, :effectiveOn, :recordedAt, :actor, :side, :reason, :details)")
                .param("position", entry.position())
                .param("id", entry.commitmentId())
                .param("sequence", entry.sequence())
                .param("type", entry.eventType())
                .param("summary", entry.summary())
                .param("effectiveOn", entry.effectiveOn())
                .param("recordedAt", entry.recordedAt().atOffset(ZoneOffset.UTC))
                .param("actor", entry.actor())
                .param("side", entry.side())
                .param("reason", entry.reason())
                .param("details", write(entry.details()))
                .update();
        updates.emit(FindActivityQuery.class, query -> query.wants(entry), entry);
    }

    private boolean recorded(String commitmentId, long sequence) {
        return jdbc.sql("SELECT COUNT(*) FROM activity_entry WHERE commitment_id = :id AND sequence_number = :sequence")
                        .param("id", commitmentId)
                        .param("sequence", sequence)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private boolean taken(long position) {
        return jdbc.sql("SELECT COUNT(*) FROM activity_entry WHERE global_position = :position")
                        .param("position", position)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /**
     * Where an event whose token reported a position another event holds was really stored. That happens when events
     * commit out of the order of their positions (two writers take 100 and 101, 101 commits first): the gap-aware
     * token of the late event 100 fills its gap and still reports 101, the highest position seen. The write side
     * answers from the store, searching from {@link #GAP_WINDOW} positions before (Axon forgets gaps older than
     * that). Not found means the store cannot say now: the processor retries the event.
     */
    private long storedPosition(String commitmentId, long sequence, long reported) {
        long position = queries.query(
                        new FindEventPositionQuery(commitmentId, sequence, Math.max(-1, reported - GAP_WINDOW - 1)),
                        EventPosition.class)
                .join()
                .position();
        if (position < 0 || taken(position)) {
            throw new IllegalStateException("the stored position of " + commitmentId + " at " + sequence
                    + " (its token reported " + reported + ", which another entry holds) is not known yet");
        }
        return position;
    }

    @QueryHandler
    public ActivityFeed handle(FindActivityQuery query) {
        if (query.afterPosition() != null) {
            return new ActivityFeed(jdbc.sql(SELECT + " WHERE global_position > :after ORDER BY global_position"
                            + " FETCH FIRST :limit ROWS ONLY")
                    .param("after", query.afterPosition())
                    .param("limit", query.limit())
                    .query(ActivityProjection::entry)
                    .list());
        }
        List<ActivityEntry> latest =
                new ArrayList<>(jdbc.sql(SELECT + " ORDER BY global_position DESC FETCH FIRST :limit ROWS ONLY")
                        .param("limit", query.limit())
                        .query(ActivityProjection::entry)
                        .list());
        Collections.reverse(latest);
        return new ActivityFeed(latest);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM activity_entry").update();
    }

    private static final String SELECT = "SELECT global_position, commitment_id, sequence_number, event_type, summary,"
            + " effective_on, recorded_at, actor, side, reason, details FROM activity_entry";

    /** The event's fields as the stored JSON has them, without the commitment id the entry carries already. */
    private static Map<String, Object> details(CommitmentEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>(JSON.convertValue(event, FIELDS));
        fields.remove("commitmentId");
        return fields;
    }

    private static String write(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event fields that are not JSON", e);
        }
    }

    private static Map<String, Object> read(String details) {
        if (details == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(details, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activity details that are not JSON: " + details, e);
        }
    }

    private static ActivityEntry entry(ResultSet rs, int rowNum) throws SQLException {
        return new ActivityEntry(
                rs.getLong("global_position"),
                rs.getString("commitment_id"),
                rs.getLong("sequence_number"),
                rs.getString("event_type"),
                rs.getString("summary"),
                rs.getObject("effective_on", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("side"),
                rs.getString("reason"),
                read(rs.getString("details")));
    }
}
