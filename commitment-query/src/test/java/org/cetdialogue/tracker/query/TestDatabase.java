package org.cetdialogue.tracker.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.cetdialogue.tracker.query.subscription.SubscriptionUpdates;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fresh H2 database in PostgreSQL mode, migrated with the read side's Flyway scripts. One connection is held open
 * for the life of the object, so the in-memory database lives exactly as long as the test that made it.
 */
public final class TestDatabase implements AutoCloseable {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;

    private TestDatabase() {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        dataSource.setUser("sa");
        try {
            keepAlive = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the test database", e);
        }
    }

    /** A new, empty database with every table of {@code db/migration/processing}. */
    /** Subscription updates with nobody subscribed: the projections under test emit nothing. */
    public static SubscriptionUpdates noSubscribers() {
        return new SubscriptionUpdates(SimpleQueryUpdateEmitter.builder().build());
    }

    public static TestDatabase migrated() {
        TestDatabase database = new TestDatabase();
        Flyway.configure()
                .dataSource(database.dataSource)
                .locations("classpath:db/migration/processing")
                .load()
                .migrate();
        return database;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbcClient() {
        return JdbcClient.create(dataSource);
    }

    /** Rows in {@code table}, to check what a projection stored. */
    public int count(String table) {
        return jdbcClient()
                .sql("SELECT COUNT(*) FROM " + table)
                .query(Integer.class)
                .single();
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
    }
}
