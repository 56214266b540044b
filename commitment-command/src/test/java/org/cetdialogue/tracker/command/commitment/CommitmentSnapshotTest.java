package org.cetdialogue.tracker.command.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.CLOCK;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_PARTIES;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_PROPOSED_ON;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_SIGNED_ON;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_TITLE_EN;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.MOU_TITLE_KO;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.NSF;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.PROGRAM_ID;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.TODAY;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.committed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.disbursed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.implementing;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.launched;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.milestone;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.mouSigned;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.pledged;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.programProposed;
import static org.cetdialogue.tracker.command.commitment.CommitmentTestData.suspended;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.ChangeStatusCommand;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.CommitmentSuspendedEvent;
import org.cetdialogue.tracker.api.commitment.CorrectEntryCommand;
import org.cetdialogue.tracker.api.commitment.CorrectedFields;
import org.cetdialogue.tracker.api.commitment.EntryCorrectedEvent;
import org.cetdialogue.tracker.api.commitment.ImplementationStartedEvent;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;
import org.cetdialogue.tracker.api.commitment.LifecycleStatus;
import org.cetdialogue.tracker.api.commitment.MouProposedEvent;
import org.cetdialogue.tracker.api.commitment.MouSignedEvent;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.commitment.ProposeMouCommand;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.api.commitment.StatusChange;
import org.cetdialogue.tracker.api.funding.CommitFundingCommand;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots are stored as JSON written by {@link MessageJson}'s mapper: the aggregate must come back from one with
 * every field, and keep enforcing its rules.
 */
class CommitmentSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(MessageJson.newObjectMapper())
            .build();

    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    /** Everything a program went through, in order (the index is the sequence number). */
    private static List<Object> programHistory() {
        return List.of(
                programProposed(),
                launched(PROGRAM_ID),
                milestone(PROGRAM_ID),
                pledged(PROGRAM_ID),
                committed(PROGRAM_ID),
                disbursed(PROGRAM_ID),
                implementing(PROGRAM_ID),
                new EntryCorrectedEvent(
                        PROGRAM_ID,
                        3,
                        "FundingPledgedEvent",
                        NSF,
                        new CorrectedFields(null, Money.atLeast("10000000", "USD"), null, null),
                        new CorrectedFields(null, Money.atLeast("12000000", "USD"), null, null),
                        "The fact sheet says US$12M+"),
                suspended(PROGRAM_ID, LifecycleStatus.IMPLEMENTING));
    }

    /** The program sourced by hand from {@link #programHistory()}. */
    private static Commitment programWithHistory() {
        return sourced(programHistory());
    }

    private static Commitment sourced(List<Object> events) {
        Commitment commitment = new Commitment();
        for (Object event : events) {
            if (event instanceof CommitmentProposedEvent e) {
                commitment.on(e);
            } else if (event instanceof MouProposedEvent e) {
                commitment.on(e);
            } else if (event instanceof MouSignedEvent e) {
                commitment.on(e);
            } else if (event instanceof ProgramLaunchedEvent e) {
                commitment.on(e);
            } else if (event instanceof ImplementationStartedEvent e) {
                commitment.on(e);
            } else if (event instanceof CommitmentSuspendedEvent e) {
                commitment.on(e);
            } else if (event instanceof EntryCorrectedEvent e) {
                commitment.on(e);
            }
            // milestones and funding change nothing the aggregate keeps
        }
        return commitment;
    }

    /** The stored events a correction can name, read from an event store holding {@code events}. */
    private static RecordedEntries recorded(String commitmentId, List<Object> events) {
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        for (int i = 0; i < events.size(); i++) {
            store.publish(new GenericDomainEventMessage<>("Commitment", commitmentId, i, events.get(i)));
        }
        return new RecordedEntries(store);
    }

    private Commitment roundTrip(Commitment commitment) {
        SerializedObject<String> json = serializer.serialize(commitment, String.class);
        return serializer.deserialize(json);
    }

    @Test
    void snapshotRestoresEveryField() {
        Commitment original = programWithHistory();

        Commitment restored = roundTrip(original);

        assertThat(restored).isNotSameAs(original);
        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void snapshotJsonHoldsFieldsOnly() {
        String json = serializer.serialize(programWithHistory(), String.class).getData();

        assertThat(json)
                .contains("\"commitmentId\":\"bio-nsf-msit-bioeconomy-rd\"")
                .contains("\"status\":\"SUSPENDED\"")
                .contains("\"statusBeforeSuspension\":\"IMPLEMENTING\"")
                .contains("\"corrections\":{\"3\":[{")
                .contains("\"amount\":12000000.00")
                .doesNotContain("FundingPledgedEvent")
                .doesNotContain("LATEST_CALENDAR")
                .doesNotContain("\"funding\"")
                .doesNotContain("\"proposal\"");
    }

    @Test
    void snapshotDoesNotGrowWithTheHistory() {
        List<Object> longHistory = new ArrayList<>(programHistory());
        for (int i = 0; i < 1_000; i++) {
            longHistory.add(milestone(PROGRAM_ID));
        }

        int shortSnapshot = serializer
                .serialize(programWithHistory(), String.class)
                .getData()
                .length();
        int longSnapshot = serializer
                .serialize(sourced(longHistory), String.class)
                .getData()
                .length();

        assertThat(longSnapshot).as("1,000 more milestones").isEqualTo(shortSnapshot);
    }

    @Test
    void restoredSignedMouRefusesSecondSignature() {
        Commitment signed = sourced(List.of(mouProposed(), mouSigned()));

        Commitment restored = roundTrip(signed);

        assertThat(restored).usingRecursiveComparison().isEqualTo(signed);
        assertThatThrownBy(() -> restored.handle(new SignMouCommand(MOU_ID, TODAY, null), CLOCK))
                .isInstanceOfSatisfying(
                        CommitmentRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(RuleCode.MOU_ALREADY_SIGNED));
    }

    @Test
    void restoredSuspendedCommitmentRefusesLaunchAndResumesToItsEarlierStatus() {
        Commitment restored = roundTrip(programWithHistory());

        assertThatThrownBy(() -> restored.handle(new LaunchProgramCommand(PROGRAM_ID, TODAY, null, null), CLOCK))
                .isInstanceOfSatisfying(
                        CommitmentRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(RuleCode.ALREADY_SUSPENDED));
        assertThatThrownBy(() -> restored.handle(
                        new ChangeStatusCommand(PROGRAM_ID, StatusChange.SUSPENDED, TODAY, "again", null), CLOCK))
                .isInstanceOfSatisfying(
                        CommitmentRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(RuleCode.ALREADY_SUSPENDED));
    }

    @Test
    void restoredCommitmentStillKnowsWhichEntriesCanBeCorrected() {
        Commitment restored = roundTrip(programWithHistory());
        RecordedEntries recorded = recorded(PROGRAM_ID, programHistory());

        assertThatThrownBy(() -> restored.handle(
                        new CorrectEntryCommand(
                                PROGRAM_ID, 7, new CorrectedFields(TODAY, null, null, null), "why", null),
                        CLOCK,
                        recorded))
                .isInstanceOfSatisfying(
                        CommitmentRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(RuleCode.UNKNOWN_ENTRY));
        assertThatThrownBy(() -> restored.handle(
                        new CorrectEntryCommand(
                                PROGRAM_ID,
                                1,
                                new CorrectedFields(null, Money.of("1", "USD"), null, null),
                                "why",
                                null),
                        CLOCK,
                        recorded))
                .isInstanceOfSatisfying(
                        CommitmentRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(RuleCode.ENTRY_NOT_CORRECTABLE));
        assertThatThrownBy(() -> restored.handle(
                        new CorrectEntryCommand(
                                PROGRAM_ID,
                                3,
                                new CorrectedFields(null, Money.atLeast("12000000", "USD"), null, null),
                                "why",
                                null),
                        CLOCK,
                        recorded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the correction changes nothing: the values are already those");
    }

    /**
     * The whole path, as in production: Axon's snapshotter takes the snapshot, the storage engine keeps only its JSON,
     * and the repository rebuilds the aggregate from that JSON plus the events after it.
     */
    @Test
    void repositoryLoadsFromJsonSnapshotAndKeepsEnforcingRules() {
        JsonSnapshotStorageEngine storage = new JsonSnapshotStorageEngine(serializer);
        CommandGateway commands = start(storage);

        commands.sendAndWait(new ProposeMouCommand(
                MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, MOU_PARTIES, null, null, MOU_PROPOSED_ON));
        Object pledgeVersion = commands.sendAndWait(
                new PledgeFundingCommand(MOU_ID, NSF, Money.atLeast("10000000", "USD"), TODAY, null));
        Object commitVersion =
                commands.sendAndWait(new CommitFundingCommand(MOU_ID, NSF, Money.of("10000000", "USD"), TODAY, null));

        assertThat(pledgeVersion).isEqualTo(1L);
        assertThat(commitVersion).isEqualTo(2L);
        assertThat(storage.snapshotJson(MOU_ID)).as("a snapshot was taken").isPresent();

        int readsBefore = storage.snapshotReads.get();
        Object signVersion = commands.sendAndWait(new SignMouCommand(MOU_ID, MOU_SIGNED_ON, null));
        assertThat(signVersion).isEqualTo(3L);
        assertThat(storage.snapshotReads.get()).as("loaded from the snapshot").isGreaterThan(readsBefore);

        assertThatThrownBy(() -> commands.sendAndWait(new SignMouCommand(MOU_ID, MOU_SIGNED_ON, null)))
                .isInstanceOfSatisfying(
                        CommitmentRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo(RuleCode.MOU_ALREADY_SIGNED));

        Object correctionVersion = commands.sendAndWait(new CorrectEntryCommand(
                MOU_ID, 1, new CorrectedFields(null, Money.atLeast("12000000", "USD"), null, null), "typo", null));
        assertThat(correctionVersion).isEqualTo(4L);
        assertThat(axon.eventStore()
                        .readEvents(MOU_ID, 0)
                        .asStream()
                        .map(DomainEventMessage::getPayload)
                        .filter(EntryCorrectedEvent.class::isInstance)
                        .map(EntryCorrectedEvent.class::cast)
                        .findFirst())
                .hasValueSatisfying(corrected -> {
                    assertThat(corrected.before().amount()).isEqualTo(Money.atLeast("10000000", "USD"));
                    assertThat(corrected.funder()).isEqualTo(NSF);
                });
    }

    /**
     * The keys of the idempotent requests applied travel in the snapshot: a retry of a request applied before the
     * snapshot, answered by a commitment loaded from its JSON, applies nothing and answers the earlier version.
     */
    @Test
    void aCommitmentLoadedFromItsSnapshotStillRecognisesARetry() {
        JsonSnapshotStorageEngine storage = new JsonSnapshotStorageEngine(serializer);
        CommandGateway commands = start(storage);
        IdempotentRequest pledge = IdempotentRequest.of("writer-us", "pledge-1", "pledge-body");
        PledgeFundingCommand pledgeCommand =
                new PledgeFundingCommand(MOU_ID, NSF, Money.atLeast("10000000", "USD"), TODAY, null);

        commands.sendAndWait(new ProposeMouCommand(
                MOU_ID, Area.BIOTECHNOLOGY, MOU_TITLE_EN, MOU_TITLE_KO, MOU_PARTIES, null, null, MOU_PROPOSED_ON));
        Object pledgeVersion = commands.sendAndWait(pledgeCommand, pledge.toMetaData());
        commands.sendAndWait(new CommitFundingCommand(MOU_ID, NSF, Money.of("10000000", "USD"), TODAY, null));
        assertThat(storage.snapshotJson(MOU_ID)).as("a snapshot was taken").isPresent();
        assertThat(storage.snapshotJson(MOU_ID).orElseThrow()).contains(pledge.key());

        int readsBefore = storage.snapshotReads.get();
        Object retryVersion = commands.sendAndWait(pledgeCommand, pledge.toMetaData());

        assertThat(storage.snapshotReads.get()).as("loaded from the snapshot").isGreaterThan(readsBefore);
        assertThat(pledgeVersion).isEqualTo(1L);
        assertThat(retryVersion).as("the version of the first attempt").isEqualTo(1L);
        assertThat(axon.eventStore().readEvents(MOU_ID, 0).asStream().count())
                .as("nothing applied again")
                .isEqualTo(3L);
    }

    /** Axon as in production around {@code storage}, with a snapshot every second event: its command gateway. */
    private CommandGateway start(JsonSnapshotStorageEngine storage) {
        // No auto-located modules: the Axon Server connector on the classpath would try to connect.
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureCommandBus(c -> {
                    SimpleCommandBus bus = SimpleCommandBus.builder().build();
                    // as in the application: the command's idempotent request is copied onto its events
                    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(
                            new SimpleCorrelationDataProvider(IdempotentRequest.KEYS.toArray(String[]::new))));
                    return bus;
                })
                .configureEmbeddedEventStore(c -> storage)
                .configureSerializer(c -> serializer)
                .registerComponent(Clock.class, c -> CLOCK)
                .registerComponent(RecordedEntries.class, c -> new RecordedEntries(c.eventStore()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Commitment.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), 2)))
                .buildConfiguration();
        axon.start();
        return axon.commandGateway();
    }

    /** Keeps snapshots only as the JSON a JDBC or JPA storage engine would write, and reads them back from it. */
    private static final class JsonSnapshotStorageEngine extends InMemoryEventStorageEngine {

        private final JacksonSerializer serializer;
        private final Map<String, DomainEventMessage<?>> snapshotHeaders = new HashMap<>();
        private final Map<String, SerializedObject<String>> snapshots = new HashMap<>();
        private final AtomicInteger snapshotReads = new AtomicInteger();

        JsonSnapshotStorageEngine(JacksonSerializer serializer) {
            this.serializer = serializer;
        }

        @Override
        public synchronized void storeSnapshot(DomainEventMessage<?> snapshot) {
            snapshotHeaders.put(snapshot.getAggregateIdentifier(), snapshot);
            snapshots.put(snapshot.getAggregateIdentifier(), serializer.serialize(snapshot.getPayload(), String.class));
        }

        @Override
        public synchronized Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            DomainEventMessage<?> header = snapshotHeaders.get(aggregateIdentifier);
            if (header == null) {
                return Optional.empty();
            }
            snapshotReads.incrementAndGet();
            Object payload = serializer.deserialize(snapshots.get(aggregateIdentifier));
            return Optional.of(new GenericDomainEventMessage<>(
                    header.getType(),
                    aggregateIdentifier,
                    header.getSequenceNumber(),
                    payload,
                    header.getMetaData(),
                    header.getIdentifier(),
                    header.getTimestamp()));
        }

        synchronized Optional<String> snapshotJson(String aggregateIdentifier) {
            return Optional.ofNullable(snapshots.get(aggregateIdentifier)).map(SerializedObject::getData);
        }
    }
}
