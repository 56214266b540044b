package org.cetdialogue.tracker.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

/** Commands of one process append and commit one at a time, on a real command bus and real units of work. */
class AppendOrderInterceptorTest {

    private final AppendOrderInterceptor interceptor = new AppendOrderInterceptor(Duration.ofSeconds(10), null);
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final List<String> committed = new CopyOnWriteArrayList<>();

    AppendOrderInterceptorTest() {
        bus.registerHandlerInterceptor(interceptor);
    }

    @Test
    void aSecondCommandAppendsOnlyAfterTheFirstCommitted() throws Exception {
        CountDownLatch firstCommitting = new CountDownLatch(1);
        CountDownLatch letFirstCommit = new CountDownLatch(1);
        bus.subscribe("first", message -> {
            CurrentUnitOfWork.get().onCommit(u -> {
                firstCommitting.countDown();
                hold(letFirstCommit);
                committed.add("first");
            });
            return "first";
        });
        bus.subscribe("second", message -> {
            CurrentUnitOfWork.get().onCommit(u -> committed.add("second"));
            return "second";
        });

        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> dispatch("first"));
        assertThat(firstCommitting.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> second = CompletableFuture.supplyAsync(() -> dispatch("second"));

        await().atMost(Duration.ofSeconds(10)).until(interceptor::queued);
        assertThat(committed).isEmpty();
        letFirstCommit.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(committed).containsExactly("first", "second");
        assertThat(interceptor.busy()).isFalse();
    }

    @Test
    void aCommandThatFailsGivesUpItsTurn() {
        bus.subscribe("failing", message -> {
            CurrentUnitOfWork.get().onPrepareCommit(u -> {
                throw new IllegalStateException("refused while appending");
            });
            return "never";
        });
        bus.subscribe("next", message -> "next");

        assertThat(dispatchFailure("failing")).hasMessageContaining("refused while appending");
        assertThat(interceptor.busy()).isFalse();
        assertThat(dispatch("next")).isEqualTo("next");
    }

    private Object dispatch(String name) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(command(name), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
        return result.getPayload();
    }

    private Throwable dispatchFailure(String name) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(command(name), callback);
        return callback.getResult().exceptionResult();
    }

    private static GenericCommandMessage<String> command(String name) {
        return new GenericCommandMessage<>(new GenericMessage<>(name), name);
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
