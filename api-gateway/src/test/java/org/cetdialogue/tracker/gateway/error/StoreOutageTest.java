package org.cetdialogue.tracker.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;

/** Which failures are an unreachable database (answered 503) and which are not (500, logged). */
class StoreOutageTest {

    @Test
    void aLostConnectionAnywhereInTheCauseChainIsAnOutage() {
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(StoreOutage.isCauseOf(new JdbcException("append failed", ioError)))
                .isTrue();
        assertThat(StoreOutage.isCauseOf(new SQLException("FATAL: terminating connection", "57P01")))
                .isTrue();
        assertThat(StoreOutage.isCauseOf(new SQLException("Connection is closed")))
                .isTrue();
    }

    @Test
    void theDriversAssertionErrorOnADeadConnectionDuringABatchIsAnOutage() {
        AssertionError driverError = new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw");
        driverError.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("org.postgresql.jdbc.BatchResultHandler", "isAutoCommit", null, 115)
        });
        assertThat(StoreOutage.isCauseOf(new ServletException("Handler dispatch failed", driverError)))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(StoreOutage.isCauseOf(new AssertionError("a bug of our own")))
                .isFalse();
        assertThat(StoreOutage.isCauseOf(new SQLException("duplicate key", "23505")))
                .isFalse();
        assertThat(StoreOutage.isCauseOf(new IllegalStateException("no database involved")))
                .isFalse();
    }
}
