package org.cetdialogue.tracker.query.audit.chain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.ProposalEvent;
import org.cetdialogue.tracker.api.query.Projections;
import org.cetdialogue.tracker.query.audit.StoredEvent;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Advances the hash chain and the auditors' index, one stored event at a time, in the order the single-segment
 * {@value #PROCESSING_GROUP} processor delivers them (global order). For each event it takes the stored form the
 * storage handed to Axon ({@link StoredEvents}), links it to the head of the chain, indexes who recorded it, and every
 * {@code tracker.audit.checkpoint-every} links signs a checkpoint. An event already chained is skipped, so a
 * redelivery changes nothing. It is never reset with the projections.
 */
@Component
@ProcessingGroup(EventChainProcessor.PROCESSING_GROUP)
public class EventChainProcessor {

    public static final String PROCESSING_GROUP = Projections.EVENT_CHAIN;

    private final JdbcClient jdbc;
    private final StoredEvents storedEvents;
    private final Checkpoints checkpoints;
    private final long checkpointEvery;

    public EventChainProcessor(
            JdbcClient jdbc,
            StoredEvents storedEvents,
            Checkpoints checkpoints,
            @Value("${tracker.audit.checkpoint-every:1000}") long checkpointEvery) {
        this.jdbc = jdbc;
        this.storedEvents = storedEvents;
        this.checkpoints = checkpoints;
        this.checkpointEvery = checkpointEvery;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        // the event as the storage handed it to Axon: its serialized bytes, not a re-serialization
        StoredEvent stored = storedEvents.of(message);
        BatchState batch = batch();
        Optional<ChainLink> head = batch.head != null ? Optional.of(batch.head) : checkpoints.head();
        // delivered in global order: an event past the head cannot be chained yet; only one committed late, below the
        // head (or a redelivery), has to be looked up
        boolean pastHead = head.map(h -> stored.globalIndex() > h.globalIndex()).orElse(true);
        if (!pastHead && isChained(stored.globalIndex())) {
            return;
        }
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
        batch.head = link;
        index(stored, payload, message, batch);
        if (position % checkpointEvery == 0) {
            checkpoints.store(link);
        }
    }

    private boolean isChained(long globalIndex) {
        return jdbc.sql("SELECT COUNT(*) FROM event_chain WHERE global_index = :globalIndex")
                        .param("globalIndex", globalIndex)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void index(StoredEvent stored, Object payload, EventMessage<?> message, BatchState batch) {
        String commitmentId = stored.aggregateIdentifier();
        if (payload instanceof ProposalEvent proposal) {
            rememberArea(commitmentId, proposal.area().name());
        }
        String area = batch.areas
                .computeIfAbsent(
                        commitmentId,
                        id -> jdbc.sql("SELECT area FROM audit_commitment_area WHERE commitment_id = :id")
                                .param("id", id)
                                .query(String.class)
                                .optional())
                .orElse(null);
        jdbc.sql("INSERT INTO audit_event (global_index, commitment_id, area, actor, event_type, recorded_at)"
                        + " VALUES (:globalIndex, :commitmentId, :area, :actor, :type, :recordedAt)")
                .param("globalIndex", stored.globalIndex())
                .param("commitmentId", commitmentId)
                .param("area", area)
                .param("actor", AuditMetadata.text(message.getMetaData(), AuditMetadata.USERNAME))
                .param("type", stored.simpleType())
                .param("recordedAt", OffsetDateTime.ofInstant(Instant.parse(stored.timeStamp()), ZoneOffset.UTC))
                .update();
    }

    /**
     * What this batch of events (one unit of work, one transaction) has learnt so far: the head of the chain after its
     * last link, and the areas of the commitments it met, so neither is read back from the tables for every event. It
     * goes with the unit of work: a batch that rolls back takes it along.
     */
    private static final class BatchState {
        ChainLink head;
        final Map<String, Optional<String>> areas = new HashMap<>();
    }

    private BatchState batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new BatchState();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(BatchState.class.getName(), key -> new BatchState());
    }

    private void rememberArea(String commitmentId, String area) {
        batch().areas.put(commitmentId, Optional.of(area));
        jdbc.sql("DELETE FROM audit_commitment_area WHERE commitment_id = :id")
                .param("id", commitmentId)
                .update();
        jdbc.sql("INSERT INTO audit_commitment_area (commitment_id, area) VALUES (:id, :area)")
                .param("id", commitmentId)
                .param("area", area)
                .update();
    }
}
