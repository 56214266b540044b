package org.cetdialogue.tracker.command.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.json.StoredMessageSerializer;
import org.cetdialogue.tracker.command.commitment.EventPositions;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The write side's Axon wiring: the clock rules read, snapshots, audit metadata and rule-violation details. */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Jackson for every stored message, with a mapper of its own (never the REST mapper). */
    @Bean(name = "defaultAxonObjectMapper")
    @ConditionalOnMissingBean(name = "defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return MessageJson.newObjectMapper();
    }

    /**
     * Axon's Jackson serializer for every message over that mapper, keeping the stored names of events that moved
     * package (see {@link StoredMessageSerializer}); with {@code axon.serializer.*: jackson} Axon uses it for
     * messages and events as well.
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "serializer")
    Serializer serializer(
            @Qualifier("defaultAxonObjectMapper") ObjectMapper defaultAxonObjectMapper, RevisionResolver revisions) {
        return StoredMessageSerializer.create(defaultAxonObjectMapper, revisions);
    }

    @Bean
    SnapshotTriggerDefinition commitmentSnapshotTrigger(
            Snapshotter snapshotter, @Value("${tracker.snapshot.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Commitments kept in memory between commands (Axon's weak-reference cache: the garbage collector may drop any),
     * so a command on a loaded commitment reads neither its snapshot nor the events after it again. Only where this
     * process is the only writer of the event store: instances sharing a PostgreSQL database each append events the
     * others' copies would miss, so the {@code postgres} profile switches it off ({@code tracker.aggregate-cache}).
     */
    @Bean
    Cache commitmentCache(@Value("${tracker.aggregate-cache.enabled:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /** Copies who, which side, which request and why from each command onto the events it produces. */
    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS.toArray(String[]::new));
    }

    /**
     * Copies a command's idempotent request (its {@code Idempotency-Key}, digested) onto the events it produces, where
     * the commitment remembers it: see {@link IdempotentRequest}.
     */
    @Bean
    CorrelationDataProvider idempotentRequestProvider() {
        return new SimpleCorrelationDataProvider(IdempotentRequest.KEYS.toArray(String[]::new));
    }

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> ruleViolationInterceptor() {
        return new RuleViolationInterceptor();
    }

    /** Where the events a command appends are to be looked for: see {@link PositionSearchInterceptor}. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> positionSearchInterceptor(EventPositions positions) {
        return new PositionSearchInterceptor(positions);
    }

    /** Commands of this process append and commit one at a time, in position order: see {@link AppendOrderInterceptor}. */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> appendOrderInterceptor(
            @Value("${tracker.write.append-turn-timeout:PT10S}") java.time.Duration maxWait,
            org.springframework.beans.factory.ObjectProvider<org.axonframework.common.jdbc.ConnectionProvider>
                    connections) {
        return new AppendOrderInterceptor(maxWait, connections.getIfUnique());
    }

    /** A lost race on the unique (aggregate, sequence) index is a ConcurrencyException, on every database. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    /** Snake-case names for Axon's event tables; the DDL is a Flyway migration. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
