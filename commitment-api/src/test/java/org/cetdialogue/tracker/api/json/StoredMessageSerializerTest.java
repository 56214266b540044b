package org.cetdialogue.tracker.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.cetdialogue.tracker.api.commitment.CommitmentEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentEvents;
import org.cetdialogue.tracker.api.commitment.FundingCommittedEvent;
import org.cetdialogue.tracker.api.commitment.FundingDisbursedEvent;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.StoredAs;
import org.cetdialogue.tracker.api.funding.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The funding events moved from {@code …api.funding} into {@code …api.commitment}; what is stored for them must not
 * change: the same type name, revision and bytes as before, and events stored before the move read into the moved
 * classes.
 */
class StoredMessageSerializerTest {

    private static final String FORMER_PACKAGE = "org.cetdialogue.tracker.api.funding.";
    private static final String ID = "bio-nsf-msit-bioeconomy-rd";
    private static final LocalDate VALUE_DATE = LocalDate.of(2024, 1, 1);

    private final StoredMessageSerializer serializer =
            StoredMessageSerializer.create(MessageJson.newObjectMapper(), new AnnotationRevisionResolver());

    /** Axon's serializer as auto-configuration built it before the move, over the same mapper. */
    private final JacksonSerializer axonSerializer = JacksonSerializer.builder()
            .objectMapper(MessageJson.newObjectMapper())
            .revisionResolver(new AnnotationRevisionResolver())
            .build();

    static Stream<CommitmentEvent> movedEvents() {
        Money amount = Money.atLeast("10000000", "USD");
        return Stream.of(
                new FundingPledgedEvent(ID, "NSF", amount, VALUE_DATE),
                new FundingCommittedEvent(ID, "NSF", amount, VALUE_DATE),
                new FundingDisbursedEvent(ID, "NSF", amount, VALUE_DATE));
    }

    @ParameterizedTest
    @MethodSource("movedEvents")
    void aNewlyStoredEventCarriesItsFormerNameRevisionAndBytes(CommitmentEvent event) {
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> before = axonSerializer.serialize(event, byte[].class);

        assertThat(stored.getType().getName())
                .isEqualTo(FORMER_PACKAGE + event.getClass().getSimpleName());
        assertThat(stored.getType().getRevision())
                .isEqualTo("1")
                .isEqualTo(before.getType().getRevision());
        assertThat(stored.getData()).isEqualTo(before.getData());
    }

    @ParameterizedTest
    @MethodSource("movedEvents")
    void anEventStoredUnderItsFormerNameReadsIntoTheMovedClass(CommitmentEvent event) {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                axonSerializer.serialize(event, byte[].class).getData(),
                byte[].class,
                FORMER_PACKAGE + event.getClass().getSimpleName(),
                "1");

        assertThat(serializer.classForType(stored.getType())).isEqualTo(event.getClass());
        Object read = serializer.deserialize(stored);
        assertThat(read).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    @Test
    void theApprovedPledgeStoredUnderItsFormerNameReadsIntoTheMovedClass() throws IOException {
        byte[] approved;
        try (InputStream in = getClass().getResourceAsStream("/approved-events/FundingPledgedEvent.json")) {
            approved = in.readAllBytes();
        }
        Object read = serializer.deserialize(
                new SimpleSerializedObject<>(approved, byte[].class, FORMER_PACKAGE + "FundingPledgedEvent", "1"));

        assertThat(read).isInstanceOf(FundingPledgedEvent.class);
        assertThat(((FundingPledgedEvent) read).amount()).isEqualTo(Money.atLeast("10000000", "USD"));
    }

    @Test
    void anEventThatDidNotMoveKeepsItsClassName() {
        MouSignedEvent signed = new MouSignedEvent(ID, VALUE_DATE);
        SerializedObject<byte[]> stored = serializer.serialize(signed, byte[].class);

        assertThat(stored.getType())
                .isEqualTo(axonSerializer.serialize(signed, byte[].class).getType());
        assertThat(stored.getType().getName()).isEqualTo(MouSignedEvent.class.getName());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(signed);
    }

    @Test
    void storedNamesAreUniqueAndNameNoClass() {
        List<String> names = CommitmentEvents.types().stream()
                .map(CommitmentEvents::storedName)
                .toList();
        assertThat(names).doesNotHaveDuplicates();
        CommitmentEvents.types().stream()
                .filter(type -> type.isAnnotationPresent(StoredAs.class))
                .forEach(type -> {
                    String name = CommitmentEvents.storedName(type);
                    assertThat(CommitmentEvents.className(name)).isEqualTo(type.getName());
                    assertThatThrownBy(() -> Class.forName(name))
                            .as("no class may be named %s: it stands for %s", name, type.getName())
                            .isInstanceOf(ClassNotFoundException.class);
                });
    }
}
