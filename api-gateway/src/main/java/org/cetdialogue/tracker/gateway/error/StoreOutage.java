package org.cetdialogue.tracker.gateway.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure caused by the database being unreachable (stopped, restarting, network gone), wherever in the
 * cause chain it sits, so that the request is answered 503 — try again later — and not 500.
 */
final class StoreOutage {

    private StoreOutage() {}

    static boolean isCauseOf(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof EventStoreException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isClosedConnection(sql))) {
                return true;
            }
            if (t instanceof AssertionError && raisedByPostgresDriver(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * PgJDBC 42.7 raises {@code AssertionError("pgStatement.getConnection().getAutoCommit() should not throw")} from
     * {@code BatchResultHandler} when the connection dies in the middle of a batched insert (the event append): an
     * outage too, though the driver does not say so with an {@code SQLException}.
     */
    private static boolean raisedByPostgresDriver(Throwable error) {
        StackTraceElement[] stack = error.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith("org.postgresql.");
    }

    /** A pooled connection found closed under a request (the database went away while it was in use). */
    private static boolean isClosedConnection(SQLException sql) {
        return sql.getMessage() != null
                && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connection is closed");
    }

    /** SQL states of a lost or refused connection: class 08, and 57P01-57P03 (admin shutdown, crash, cannot connect). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
