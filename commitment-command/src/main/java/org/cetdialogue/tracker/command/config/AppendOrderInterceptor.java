package org.cetdialogue.tracker.command.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Makes the commands of this process append and commit their events one at a time, so that events become visible in
 * the order of their global positions. The store gives an event its position on insert, but a transaction commits
 * later: two commands inserting 100 and 101 could commit 101 first, and Axon's gap-aware tracking token then hands
 * the late 100 to the processors with the position 101 (the highest it has seen). The hash chain, which links events
 * in global order, and every reader keyed by position would see it out of order. Only the append and the commit take
 * turns (from the unit of work's prepare-commit phase, where Axon appends the staged events, to its clean-up, after
 * the transaction committed or rolled back); loading the commitment and deciding stay concurrent.
 *
 * <p>Within a process the turns are a fair lock. Where the events go to PostgreSQL, which several instances may share,
 * the turn is also PostgreSQL's transaction-scoped advisory lock {@value #ADVISORY_LOCK_KEY}, taken on the command's
 * own transaction just before the append and released by its commit or rollback, so instances take turns too. Axon
 * Server orders its appends itself, and the in-memory store has no transactions: there only the process lock counts.
 */
class AppendOrderInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String HELD = AppendOrderInterceptor.class.getName() + ".held";

    /** The advisory lock's key: any constant the database's other users do not take (here: "CETAPPND"). */
    static final long ADVISORY_LOCK_KEY = 0x43455441_50504E44L;

    private final ReentrantLock appending = new ReentrantLock(true);
    private final Duration maxWait;
    private final ConnectionProvider connections;
    private volatile Boolean postgres;

    /** {@code connections}: the event store's JDBC connections, or null where it has none. */
    AppendOrderInterceptor(Duration maxWait, ConnectionProvider connections) {
        this.maxWait = maxWait;
        this.connections = connections;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        root.onPrepareCommit(u -> takeTurn(u));
        root.onCleanup(u -> {
            if (u.resources().remove(HELD) != null) {
                appending.unlock();
            }
        });
        return chain.proceed();
    }

    private void takeTurn(UnitOfWork<?> unitOfWork) {
        if (unitOfWork.resources().containsKey(HELD)) {
            return;
        }
        try {
            if (!appending.tryLock(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EventStoreException(
                        "no turn to append within " + maxWait.toMillis() + " ms: the store is not committing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for a turn to append", e);
        }
        unitOfWork.resources().put(HELD, Boolean.TRUE);
        if (connections != null) {
            takeDatabaseTurn();
        }
    }

    /** On PostgreSQL, the transaction-scoped advisory lock on the command's own connection (see above). */
    private void takeDatabaseTurn() {
        try (Connection connection = connections.getConnection()) {
            if (postgres == null) {
                postgres = connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("postgres");
            }
            if (postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.setQueryTimeout((int) Math.max(1, maxWait.toSeconds()));
                    statement.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not take the turn to append: " + e.getMessage(), e);
        }
    }

    /** Whether a command of this process is appending or committing now (for tests). */
    boolean busy() {
        return appending.isLocked();
    }

    /** Whether commands wait for their turn to append now (for tests). */
    boolean queued() {
        return appending.hasQueuedThreads();
    }
}
