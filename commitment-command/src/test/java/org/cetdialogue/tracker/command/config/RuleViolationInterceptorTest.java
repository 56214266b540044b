package org.cetdialogue.tracker.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.cetdialogue.tracker.api.commitment.Area;
import org.cetdialogue.tracker.api.commitment.ChangeStatusCommand;
import org.cetdialogue.tracker.api.commitment.Country;
import org.cetdialogue.tracker.api.commitment.Party;
import org.cetdialogue.tracker.api.commitment.PartyRole;
import org.cetdialogue.tracker.api.commitment.ProposeMouCommand;
import org.cetdialogue.tracker.api.commitment.SignMouCommand;
import org.cetdialogue.tracker.api.commitment.StatusChange;
import org.cetdialogue.tracker.api.funding.Money;
import org.cetdialogue.tracker.api.funding.PledgeFundingCommand;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;
import org.cetdialogue.tracker.command.commitment.Commitment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals leave the write side as CommandExecutionException whose details are a RuleViolation of the contract. */
class RuleViolationInterceptorTest {

    private static final String ID = "bio-lbnl-kribb-biofoundry-mou";
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 14);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-14T03:00:00Z"), ZoneOffset.UTC);

    private Configuration axon;
    private CommandGateway commands;

    @BeforeEach
    void startAxon() {
        // No auto-located modules: the Axon Server connector on the classpath would try to connect.
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> NoTransactionManager.INSTANCE)
                .configureCommandBus(c -> {
                    SimpleCommandBus bus = SimpleCommandBus.builder().build();
                    bus.registerHandlerInterceptor(new RuleViolationInterceptor());
                    return bus;
                })
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .registerComponent(Clock.class, c -> CLOCK)
                .configureAggregate(Commitment.class)
                .buildConfiguration();
        axon.start();
        commands = axon.commandGateway();
        commands.sendAndWait(new ProposeMouCommand(
                ID,
                Area.BIOTECHNOLOGY,
                "LBNL-KRIBB MOU on biofoundry cooperation",
                "LBNL-KRIBB 바이오파운드리 협력 양해각서",
                List.of(new Party(
                        "Lawrence Berkeley National Laboratory", "로렌스버클리국립연구소", Country.US, PartyRole.SIGNATORY)),
                null,
                null,
                LocalDate.of(2023, 4, 20)));
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    private static RuleViolation violationOf(Throwable thrown) {
        assertThat(thrown).isInstanceOf(CommandExecutionException.class);
        return ((CommandExecutionException) thrown)
                .<RuleViolation>getDetails()
                .orElseThrow(() -> new AssertionError("no RuleViolation details on " + thrown));
    }

    @Test
    void ruleViolationTravelsWithItsCode() {
        commands.sendAndWait(new SignMouCommand(ID, TODAY, null));

        assertThatThrownBy(() -> commands.sendAndWait(new SignMouCommand(ID, TODAY, null)))
                .satisfies(thrown -> assertThat(violationOf(thrown))
                        .isEqualTo(new RuleViolation(RuleCode.MOU_ALREADY_SIGNED, "the MOU was already signed")))
                .hasMessage("the MOU was already signed");
    }

    @Test
    void illegalArgumentTravelsAsInvalidArgument() {
        assertThatThrownBy(() ->
                        commands.sendAndWait(new PledgeFundingCommand(ID, "NSF", Money.of("0", "USD"), TODAY, null)))
                .satisfies(thrown -> assertThat(violationOf(thrown))
                        .isEqualTo(new RuleViolation(RuleCode.INVALID_ARGUMENT, "amount must be positive")));
        assertThatThrownBy(() ->
                        commands.sendAndWait(new ChangeStatusCommand(ID, StatusChange.SUSPENDED, TODAY, null, null)))
                .satisfies(thrown -> assertThat(violationOf(thrown).code()).isEqualTo(RuleCode.INVALID_ARGUMENT));
    }

    @Test
    void unknownCommitmentTravelsAsNotFound() {
        assertThatThrownBy(() -> commands.sendAndWait(new SignMouCommand("no-such-commitment", TODAY, null)))
                .satisfies(thrown -> assertThat(violationOf(thrown))
                        .isEqualTo(new RuleViolation(
                                RuleCode.COMMITMENT_NOT_FOUND, "no commitment no-such-commitment has been recorded")));
    }

    /** A stale {@code @TargetAggregateVersion} is detected inside the interceptor and leaves as VERSION_CONFLICT. */
    @Test
    void staleExpectedVersionTravelsAsVersionConflict() {
        commands.sendAndWait(new PledgeFundingCommand(ID, "NSF", Money.of("10", "USD"), TODAY, null));

        assertThatThrownBy(() -> commands.sendAndWait(new SignMouCommand(ID, TODAY, 0L)))
                .satisfies(thrown -> assertThat(violationOf(thrown).code()).isEqualTo(RuleCode.VERSION_CONFLICT));
    }
}
