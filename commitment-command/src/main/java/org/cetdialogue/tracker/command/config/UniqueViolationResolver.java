package org.cetdialogue.tracker.command.config;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

/**
 * Tells the event store that an append failed on the unique (aggregate, sequence) index, so that it reports a
 * {@code ConcurrencyException} (another writer took that sequence number) and not a store failure. Axon's default
 * resolver reads vendor error codes, which PostgreSQL leaves at 0 (and hides in a batch exception); this one reads
 * the standard SQLSTATE {@value #UNIQUE_VIOLATION}, which PostgreSQL and H2 both use, anywhere in the cause chain.
 */
class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    private final PersistenceExceptionResolver fallback = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        int depth = 0;
        for (Throwable t = exception; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null && depth < 20; next = next.getNextException(), depth++) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return fallback.isDuplicateKeyViolation(exception);
    }
}
