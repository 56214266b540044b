package org.cetdialogue.tracker.query.audit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs an operation that drives Axon's processors (a reset, a dead-letter retry) on a thread of its own, outside the
 * unit of work and the transaction of the message being handled: the processors' threads must see its token changes
 * at once, and a retry that fails must roll back only its own work, not the handler's.
 */
public final class OutsideUnitOfWork {

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "audit-operation");
        thread.setDaemon(true);
        return thread;
    });

    private OutsideUnitOfWork() {}

    /** Runs {@code operation} on another thread and answers its result, or throws what it threw. */
    public static <T> T call(Supplier<T> operation) {
        try {
            return CompletableFuture.supplyAsync(operation, THREADS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
