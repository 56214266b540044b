package org.cetdialogue.tracker.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void uniqueViolationInsideABatchExceptionIsADuplicateKey() {
        BatchUpdateException batch = new BatchUpdateException("batch entry 0 failed", "23505", 0, new int[0]);
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch)))
                .isTrue();

        BatchUpdateException chained = new BatchUpdateException("batch failed", null, 0, new int[0]);
        chained.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(chained)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("boom")))
                .isFalse();
    }
}
