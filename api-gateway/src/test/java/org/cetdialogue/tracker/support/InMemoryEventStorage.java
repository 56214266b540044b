package org.cetdialogue.tracker.support;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.springframework.context.annotation.Bean;

/**
 * An event store that is not JDBC: Axon's in-memory storage engine instead of the JDBC engine, everything else as
 * configured. Selected for a whole test run with {@code -Dtracker.test.event-store=in-memory}, to show that the
 * auditors' features read events only through Axon's abstractions. Tokens, projections and the chain stay in the
 * database. Deliberately not a {@code @Configuration}: the application's component scan covers this package, and this
 * must apply only where {@code RunningTracker} adds it as a source.
 */
public class InMemoryEventStorage {

    public static boolean selected() {
        return "in-memory".equals(System.getProperty("tracker.test.event-store"));
    }

    @Bean
    EventStorageEngine eventStorageEngine() {
        return new InMemoryEventStorageEngine();
    }
}
