package org.cetdialogue.tracker.query.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * One event exactly as the storage handed it to Axon: the serialized payload and metadata bytes (the same bytes the
 * storage holds, whether it is the JDBC engine or Axon Server), their serialized type and revision, and the recording
 * time in the stored text form. This is what the hash chain covers. Made from the messages Axon's event store reads
 * ({@link StoredEvents}), never from the storage's tables.
 *
 * @param globalIndex the event's position in the global stream; -1 where it is not known (an aggregate's stream)
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData) {

    /**
     * The stored form of a message read from the event store. The serializer is the storage's event serializer, so
     * that the serialized forms come back exactly as read (nothing is serialized anew).
     */
    public static StoredEvent of(EventMessage<?> message, long globalIndex, Serializer serializer) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = message.serializeMetaData(serializer, byte[].class);
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new StoredEvent(
                globalIndex,
                message.getIdentifier(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? 0 : domain.getSequenceNumber(),
                domain == null ? null : domain.getType(),
                payload.getType().getName(),
                payload.getType().getRevision(),
                DateTimeUtils.formatInstant(message.getTimestamp()),
                payload.getData(),
                metaData.getData());
    }

    /** The event class's simple name, such as {@code MouSignedEvent}. */
    public String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
