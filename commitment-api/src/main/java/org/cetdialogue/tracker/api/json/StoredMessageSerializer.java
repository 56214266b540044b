package org.cetdialogue.tracker.api.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.cetdialogue.tracker.api.commitment.CommitmentEvents;
import org.cetdialogue.tracker.api.commitment.StoredAs;

/**
 * Axon's Jackson serializer over the stored-message mapper ({@link MessageJson}), which stores an event whose class
 * moved under the name it was first stored with ({@link StoredAs}) and reads that name back into the moved class. So
 * the funding events, which moved into {@code …api.commitment} to join the sealed {@code CommitmentEvent}, are written
 * and read as {@code …api.funding.Funding…Event} as before: type names, revisions and payload bytes stay as they were,
 * existing event stores load, and the audit chain over them still verifies. Everything else is Axon's
 * {@link JacksonSerializer} as Spring Boot's auto-configuration builds it.
 */
public final class StoredMessageSerializer extends JacksonSerializer {

    private StoredMessageSerializer(Builder builder) {
        super(builder);
    }

    /** The serializer for every stored and transported message, over {@code mapper} (see {@link MessageJson}). */
    public static StoredMessageSerializer create(ObjectMapper mapper, RevisionResolver revisionResolver) {
        return new StoredMessageSerializer(
                JacksonSerializer.builder().objectMapper(mapper).revisionResolver(revisionResolver));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        SerializedType serializedType = super.typeForClass(type);
        if (type == null || !type.isAnnotationPresent(StoredAs.class)) {
            return serializedType;
        }
        return new SimpleSerializedType(CommitmentEvents.storedName(type), serializedType.getRevision());
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return CommitmentEvents.className(super.resolveClassName(serializedType));
    }
}
