package org.cetdialogue.tracker.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.CommitmentKind;
import org.cetdialogue.tracker.api.commitment.CommitmentProposedEvent;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.FundingPledgedEvent;
import org.cetdialogue.tracker.api.commitment.LaunchProgramCommand;
import org.cetdialogue.tracker.api.commitment.MilestoneRecordedEvent;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;
import org.cetdialogue.tracker.api.commitment.ProgramLaunchedEvent;
import org.cetdialogue.tracker.api.commitment.ProposeCommitmentCommand;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.query.audit.replay.Replays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The write and read sides in this JVM over the benchmark's database, with the product's Axon settings. */
final class InProcessTracker implements AutoCloseable {

    static final List<Party> PARTIES = List.of(
            new Party("Benchmark Lab", "벤치마크 연구소", Country.US, PartyRole.LEAD),
            new Party("Benchmark Institute", "벤치마크 연구원", Country.ROK, PartyRole.LEAD));
    static final MetaData METADATA =
            new AuditMetadata("benchmark", "US", "SECRETARIAT", "benchmark", null).toMetaData();
    static final LocalDate DAY = LocalDate.of(2024, 1, 15);

    private final ConfigurableApplicationContext context;

    InProcessTracker(Database database, Path gatewayResources) {
        List<String> args = new ArrayList<>(database.springArguments());
        args.add("--spring.config.additional-location=file:" + gatewayResources.toAbsolutePath() + "/");
        args.add("--spring.main.web-application-type=none");
        args.add("--spring.main.banner-mode=off");
        // the product's whole schema, the gateway's idempotency table included, so the packaged tracker finds every
        // migration applied when it starts on the same database
        args.add("--spring.flyway.locations=classpath:db/migration/eventstore,classpath:db/migration/processing,"
                + "filesystem:" + gatewayResources.toAbsolutePath() + "/db/migration/gateway,"
                + "classpath:db/migration/audit,classpath:db/vendor/{vendor}");
        args.add("--spring.flyway.ignore-migration-patterns=*:missing");
        args.add("--logging.level.root=WARN");
        System.setProperty("axoniq.update-checker.disabled", "true");
        context = new SpringApplicationBuilder(BenchmarkApplication.class).run(args.toArray(String[]::new));
    }

    CommandGateway commands() {
        return context.getBean(CommandGateway.class);
    }

    /** Drops a commitment from the aggregate cache, so that the next command loads it from the store. */
    void evict(String commitmentId) {
        context.getBean("commitmentCache", Cache.class).remove(commitmentId);
    }

    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** Proposes and launches a program through the command gateway. */
    void createProgram(String id) {
        commands()
                .sendAndWait(
                        new ProposeCommitmentCommand(
                                id,
                                Area.QUANTUM,
                                CommitmentKind.PROGRAM,
                                "Benchmark program " + id,
                                "벤치마크 사업 " + id,
                                PARTIES,
                                "benchmark",
                                null,
                                DAY),
                        METADATA);
        commands().sendAndWait(new LaunchProgramCommand(id, DAY, null, null), METADATA);
    }

    /**
     * Appends {@code commitments} streams of {@code eventsEach} events (a proposal, a launch, then milestones with a
     * pledge every tenth event) straight through Axon's storage engine in batches: the same rows commands would write,
     * far faster. The streams are interleaved, one event of each commitment in turn, as a history of many commitments
     * recorded side by side is.
     */
    void bulkAppend(String prefix, int commitments, int eventsEach) {
        EventStorageEngine engine = context.getBean(EventStorageEngine.class);
        TransactionManager transactions = context.getBean(TransactionManager.class);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int seq = 0; seq < eventsEach; seq++) {
            for (int c = 0; c < commitments; c++) {
                String id = prefix + "-" + c;
                batch.add(new GenericDomainEventMessage<>("Commitment", id, seq, payload(id, seq), METADATA));
                if (batch.size() == 1000) {
                    List<DomainEventMessage<?>> full = List.copyOf(batch);
                    transactions.executeInTransaction(() -> engine.appendEvents(full));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            transactions.executeInTransaction(() -> engine.appendEvents(List.copyOf(batch)));
        }
    }

    private static Object payload(String id, int seq) {
        if (seq == 0) {
            return new CommitmentProposedEvent(
                    id,
                    Area.values()[Math.abs(id.hashCode()) % Area.values().length],
                    CommitmentKind.PROGRAM,
                    "Benchmark program " + id,
                    "벤치마크 사업 " + id,
                    PARTIES,
                    "benchmark",
                    null,
                    DAY);
        }
        if (seq == 1) {
            return new ProgramLaunchedEvent(id, DAY, null);
        }
        if (seq % 10 == 5) {
            return new FundingPledgedEvent(id, "Benchmark Foundation", Money.of("1000.00", "USD"), DAY);
        }
        return new MilestoneRecordedEvent(id, "Benchmark milestone " + seq, DAY);
    }

    long storedEvents() {
        Long count = jdbc().queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** Waits until every projection processor has reached the head of the event store. */
    void awaitProjectionsCaughtUp(Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(this::caughtUp);
    }

    boolean caughtUp() {
        long head = headPosition();
        for (StreamingEventProcessor processor : processors()) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                // position, not isReplaying(): Axon leaves a segment "replaying" until an event past the reset comes
                if (segment.getCurrentPosition().orElse(-1) < head) {
                    return false;
                }
            }
        }
        return true;
    }

    long headPosition() {
        TrackingToken head = context.getBean(EventStore.class).createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    List<StreamingEventProcessor> processors() {
        EventProcessingConfiguration config = context.getBean(EventProcessingConfiguration.class);
        return config.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /**
     * Rebuilds every projection from the events the way an auditor does ({@code POST /api/audit/replays}, "all":
     * the four projections, not the hash chain) and waits until the replay reports itself done.
     */
    void replayAllProjections(Duration timeout) {
        Replays replays = context.getBean(Replays.class);
        String id = replays.start(Replays.ALL).id();
        Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        replays.progress(id).map(p -> p.state().equals("DONE")).orElse(false));
    }

    @Override
    public void close() {
        context.close();
    }
}
