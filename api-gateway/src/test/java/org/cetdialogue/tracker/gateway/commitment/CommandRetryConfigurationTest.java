package org.cetdialogue.tracker.gateway.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.api.rule.RuleViolation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which failures the command gateway sends again: a lost race (as the JDBC store reports it, with its cause), only. */
class CommandRetryConfigurationTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void retriesALostRaceWhoseCauseIsTheUniqueViolation() throws Exception {
        RetryScheduler scheduler = CommandRetryConfiguration.retryScheduler(executor, 3, 1);
        SQLException unique = new SQLException("duplicate key value", "23505");
        ConcurrencyException lost = new ConcurrencyException(
                "an event at sequence [2] was already inserted",
                new BatchUpdateException("batch aborted", "23505", 0, new int[0], unique));
        CountDownLatch sentAgain = new CountDownLatch(1);

        assertThat(scheduler.scheduleRetry(command, lost, failures(lost, 1), sentAgain::countDown))
                .isTrue();
        assertThat(sentAgain.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(scheduler.scheduleRetry(command, lost, failures(lost, 4), () -> {}))
                .as("past tracker.command.retries")
                .isFalse();
    }

    @Test
    void doesNotRetryARuleADuplicateCreationOrAnythingWhenRetriesAreOff() {
        RetryScheduler scheduler = CommandRetryConfiguration.retryScheduler(executor, 3, 1);
        RuntimeException rule = new CommandExecutionException(
                "closed", null, new RuleViolation(RuleCode.COMMITMENT_CLOSED, "the commitment is closed"));
        RuntimeException exists = new AggregateStreamCreationException("exists");

        assertThat(scheduler.scheduleRetry(command, rule, failures(rule, 1), () -> {}))
                .isFalse();
        assertThat(scheduler.scheduleRetry(command, exists, failures(exists, 1), () -> {}))
                .isFalse();
        RuntimeException lost = new ConcurrencyException("lost");
        assertThat(CommandRetryConfiguration.retryScheduler(executor, 0, 1)
                        .scheduleRetry(command, lost, failures(lost, 1), () -> {}))
                .isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(Throwable failure, int times) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            failures.add(new Class[] {failure.getClass()});
        }
        return failures;
    }
}
