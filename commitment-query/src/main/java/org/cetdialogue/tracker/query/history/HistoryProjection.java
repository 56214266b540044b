package org.cetdialogue.tracker.query.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.query.CommitmentHistory;
import org.cetdialogue.tracker.api.query.FindCommitmentHistoryQuery;
import org.cetdialogue.tracker.api.query.HistoryEntry;
import org.cetdialogue.tracker.api.query.Projections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The history of each commitment: every event in order, with its type, a summary, the effective date, the time it
 * was recorded, who recorded it from which side, and why. Keyed by (commitment, sequence), so a redelivered event is
 * not written twice.
 */
@Component
@ProcessingGroup(HistoryProjection.PROCESSING_GROUP)
public class HistoryProjection {

    public static final String PROCESSING_GROUP = Projections.HISTORY;

    private final JdbcClient jdbc;

    public HistoryProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitmentEvent event, DomainEventMessage<?> message) {
        MetaData meta = message.getMetaData();
        jdbc.sql("INSERT INTO history_entry (commitment_id, sequence_number, event_id, event_type, summary,"
                        + " effective_on, recorded_at, actor, side, reason, correlation_id, corrected_sequence)"
                        + " VALUES (:id, :sequence, :eventId, :type, :summary, :effectiveOn, :recordedAt, :actor,"
                        + " :side, :reason, :correlationId, :correctedSequence)"
                        // an event applied before (redelivered after a crash) is left as it is, in one statement
                        + " ON CONFLICT DO NOTHING")
                .param("id", event.commitmentId())
                .param("sequence", message.getSequenceNumber())
                .param("eventId", message.getIdentifier())
                .param("type", event.getClass().getSimpleName())
                .param("summary", event.summary())
                .param("effectiveOn", event.effectiveOn())
                .param("recordedAt", message.getTimestamp().atOffset(ZoneOffset.UTC))
                .param("actor", AuditMetadata.text(meta, AuditMetadata.USERNAME))
                .param("side", AuditMetadata.text(meta, AuditMetadata.SIDE))
                .param("reason", AuditMetadata.text(meta, AuditMetadata.REASON))
                .param("correlationId", AuditMetadata.text(meta, AuditMetadata.CORRELATION_ID))
                .param(
                        "correctedSequence",
                        event instanceof EntryCorrectedEvent corrected ? corrected.correctedSequence() : null)
                .update();
    }

    @QueryHandler
    public CommitmentHistory handle(FindCommitmentHistoryQuery query) {
        List<HistoryEntry> entries = jdbc.sql(
                        "SELECT * FROM history_entry WHERE commitment_id = :id" + " ORDER BY sequence_number")
                .param("id", query.commitmentId())
                .query(HistoryProjection::entry)
                .list();
        return new CommitmentHistory(query.commitmentId(), entries);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM history_entry").update();
    }

    private static HistoryEntry entry(ResultSet rs, int rowNum) throws SQLException {
        return new HistoryEntry(
                rs.getLong("sequence_number"),
                rs.getString("event_id"),
                rs.getString("event_type"),
                rs.getString("summary"),
                rs.getObject("effective_on", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("side"),
                rs.getString("reason"),
                rs.getString("correlation_id"),
                rs.getObject("corrected_sequence", Long.class));
    }
}
