package org.cetdialogue.tracker.query.audit.chain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Advances the hash chain and the auditors' index, one stored event at a time, in the order the single-segment
 * {@value #PROCESSING_GROUP} processor delivers them (global order). For each event it reads the raw row from the
 * event store, links it to the head of the chain, indexes who recorded it, and every
 * {@code tracker.audit.checkpoint-every} links signs a checkpoint. An event already chained is skipped, so a
 * redelivery changes nothing. It is never reset with the projections.
 */
@Component
@ProcessingGroup(EventChainProcessor.PROCESSING_GROUP)
public class EventChainProcessor {

    public static final String PROCESSING_GROUP = "event-chain";

    private final JdbcClient jdbc;
    private final Checkpoints checkpoints;
    private final long checkpointEvery;

    public EventChainProcessor(
            JdbcClient jdbc,
            Checkpoints checkpoints,
            @Value("${tracker.audit.checkpoint-every:1000}") long checkpointEvery) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.checkpointEvery = checkpointEvery;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        StoredEvent stored = jdbc.sql(
                        "SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry e WHERE e.event_identifier = :id")
                .param("id", message.getIdentifier())
                .query(StoredEvent::map)
                .optional()
                .orElseThrow(() -> new IllegalStateException(
                        "event " + message.getIdentifier() + " is not in domain_event_entry"));
        boolean chained = jdbc.sql("SELECT COUNT(*) FROM event_chain WHERE global_index = :globalIndex")
                        .param("globalIndex", stored.globalIndex())
                        .query(Long.class)
                        .single()
                > 0;
        if (chained) {
            return;
        }
        Optional<ChainLink> head = checkpoints.head();
        long position = head.map(ChainLink::chainPosition).orElse(0L) + 1;
        String previous = head.map(ChainLink::linkHash).orElse(ChainHash.GENESIS);
        ChainLink link = new ChainLink(position, stored.globalIndex(), previous, ChainHash.link(previous, stored));
        jdbc.sql("INSERT INTO event_chain (chain_position, global_index, previous_hash, link_hash)"
                        + " VALUES (:position, :globalIndex, :previous, :hash)")
                .param("position", link.chainPosition())
                .param("globalIndex", link.globalIndex())
                .param("previous", link.previousHash())
                .param("hash", link.linkHash())
                .update();
        index(stored, payload, message);
        if (position % checkpointEvery == 0) {
            checkpoints.store(link);
        }
    }

    private void index(StoredEvent stored, Object payload, EventMessage<?> message) {
        String commitmentId = stored.aggregateIdentifier();
        if (payload instanceof CommitmentProposedEvent proposed) {
            rememberArea(commitmentId, proposed.area().name());
        } else if (payload instanceof MouProposedEvent proposed) {
            rememberArea(commitmentId, proposed.area().name());
        }
        String area = jdbc.sql("SELECT area FROM audit_commitment_area WHERE commitment_id = :id")
                .param("id", commitmentId)
                .query(String.class)
                .optional()
                .orElse(null);
        Object actor = message.getMetaData().get(AuditMetadata.USERNAME);
        jdbc.sql("INSERT INTO audit_event (global_index, commitment_id, area, actor, event_type, recorded_at)"
                        + " VALUES (:globalIndex, :commitmentId, :area, :actor, :type, :recordedAt)")
                .param("globalIndex", stored.globalIndex())
                .param("commitmentId", commitmentId)
                .param("area", area)
                .param("actor", actor == null ? null : actor.toString())
                .param("type", stored.simpleType())
                .param("recordedAt", OffsetDateTime.ofInstant(Instant.parse(stored.timeStamp()), ZoneOffset.UTC))
                .update();
    }

    private void rememberArea(String commitmentId, String area) {
        jdbc.sql("DELETE FROM audit_commitment_area WHERE commitment_id = :id")
                .param("id", commitmentId)
                .update();
        jdbc.sql("INSERT INTO audit_commitment_area (commitment_id, area) VALUES (:id, :area)")
                .param("id", commitmentId)
                .param("area", area)
                .update();
    }
}
