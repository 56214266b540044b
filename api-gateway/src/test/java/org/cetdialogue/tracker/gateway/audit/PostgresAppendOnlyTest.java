package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.cetdialogue.tracker.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In PostgreSQL the event tables refuse UPDATE and DELETE. Runs against a throwaway database on the local server
 * (127.0.0.1:5432, user postgres, or {@code tracker.test.postgres.url}) in the PostgreSQL run of the suite
 * ({@code -Dtracker.test.database=postgres}) or with {@code -Dtracker.test.postgres=true}.
 */
class PostgresAppendOnlyTest {

    @BeforeAll
    static void onlyOnPostgres() {
        assumeTrue(
                TestDatabase.isPostgres() || Boolean.getBoolean("tracker.test.postgres"),
                "needs PostgreSQL: run with -Dtracker.test.database=postgres or -Dtracker.test.postgres=true");
    }

    private static final String SERVER =
            System.getProperty("tracker.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");

    @Test
    void theEventTablesRefuseUpdateAndDelete() throws SQLException {
        String database = "tracker_append_only_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try {
            Flyway.configure()
                    .dataSource(SERVER + database, "postgres", "")
                    .locations(
                            "classpath:db/migration/eventstore",
                            "classpath:db/migration/processing",
                            "classpath:db/migration/gateway",
                            "classpath:db/migration/audit",
                            "classpath:db/vendor/postgresql")
                    .load()
                    .migrate();
            try (Connection connection = DriverManager.getConnection(SERVER + database, "postgres", "");
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate(
                        "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number,"
                                + " type, event_identifier, payload, payload_type, time_stamp)"
                                + " VALUES ('a-commitment', 0, 'Commitment', 'e-1', '\\x7b7d', 'Some', '2024-01-01T00:00:00Z')");
                statement.executeUpdate("INSERT INTO event_chain (chain_position, global_index, previous_hash,"
                        + " link_hash) VALUES (1, 1, 'a', 'b')");
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE domain_event_entry SET payload = '\\x00'"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM domain_event_entry"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE domain_event_entry"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.executeUpdate("UPDATE event_chain SET link_hash = 'c'"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM event_chain"))
                        .hasMessageContaining("append-only");
                try (var rs = statement.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
