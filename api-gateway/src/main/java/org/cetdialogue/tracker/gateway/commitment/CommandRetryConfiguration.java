package org.cetdialogue.tracker.gateway.commitment;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retries a command that lost a race for the same commitment. When instances share one database, two writers may
 * append the same sequence number; the unique (aggregate, sequence) index lets one win and the other fail with a
 * {@link ConcurrencyException}, which is transient: sent again, the command reloads the commitment and is decided on
 * its new state. A command with {@code If-Match} then meets the version check and answers 412; one without is simply
 * recorded after the other, or, if it lost every one of its {@code tracker.command.retries} retries too, refused with
 * 503 and {@code Retry-After} (see {@code CommitmentCommandController}), never 412. Nothing else is retried: a
 * duplicate creation ({@link AggregateStreamCreationException}) is a 409, a rule broken or a store outage is answered
 * at once.
 */
@Configuration(proxyBeanMethods = false)
public class CommandRetryConfiguration implements DisposableBean {

    /**
     * The retries' own thread. Not a bean: a {@link ScheduledExecutorService} bean would also become the scheduler of
     * every {@code @Scheduled} job (Spring takes a unique one), and retries and those jobs would wait on each other.
     */
    private final ScheduledExecutorService commandRetryExecutor =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "command-retry");
                thread.setDaemon(true);
                return thread;
            });

    @Override
    public void destroy() {
        commandRetryExecutor.shutdown();
    }

    @Bean
    RetryScheduler commandRetryScheduler(
            @Value("${tracker.command.retries:3}") int retries,
            @Value("${tracker.command.retry-interval-ms:50}") int intervalMillis) {
        return retryScheduler(commandRetryExecutor, retries, intervalMillis);
    }

    /** The retries of lost races, sent again on {@code executor}. */
    static RetryScheduler retryScheduler(ScheduledExecutorService executor, int retries, int intervalMillis) {
        if (retries < 1) {
            return (command, failure, failures, dispatch) -> false; // 0: a lost race is answered at once
        }
        IntervalRetryScheduler.Builder builder = IntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .maxRetryCount(retries)
                .retryInterval(intervalMillis);
        return new IntervalRetryScheduler(builder) {
            /**
             * Axon asks this of the failure and then of each of its causes, and gives up if any one is non-transient:
             * with a predicate ({@code nonTransientFailurePredicate(f -> !isLostRace(f))}) the SQL exception under
             * every lost race counted as non-transient, and no lost race was ever retried. Here the failure is
             * judged once, as a whole.
             */
            @Override
            protected boolean isExplicitlyNonTransient(Throwable failure) {
                return !isLostRace(failure);
            }
        };
    }

    /**
     * The gateway's commands, each attributed to its sender once, on the sending thread, by {@code actorMetadata}: a
     * retry sends the attributed message again from the retry thread, where nobody is signed in.
     */
    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus, RetryScheduler commandRetryScheduler, ActorMetadataInterceptor actorMetadata) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetryScheduler)
                .dispatchInterceptors(actorMetadata)
                .build();
    }

    /** The unique index refused an append because another writer took that sequence number first. */
    static boolean isLostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return false;
            }
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
