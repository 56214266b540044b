package org.cetdialogue.tracker.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.cetdialogue.tracker.api.commitment.CommitmentEvents;
import org.cetdialogue.tracker.api.json.MessageJson;

/**
 * Events per second rebuilding every projection from the stored events (the auditors' replay of "all"), beside reading the same rows with raw JDBC
 * and parsing their JSON (payload into its event class, metadata into a map) with the same mapper.
 */
final class ReplayBenchmark {

    private final InProcessTracker tracker;
    private final Database database;

    ReplayBenchmark(InProcessTracker tracker, Database database) {
        this.tracker = tracker;
        this.database = database;
    }

    double replayEventsPerSecond(long events) {
        long start = System.nanoTime();
        tracker.replayAllProjections(Duration.ofHours(2));
        return events / ((System.nanoTime() - start) / 1e9);
    }

    double rawReadAndParsePerSecond() throws Exception {
        ObjectMapper json = MessageJson.newObjectMapper();
        Map<String, Class<?>> types = new HashMap<>();
        long rows = 0;
        long start = System.nanoTime();
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT global_index, payload_type, payload, meta_data FROM domain_event_entry"
                            + " ORDER BY global_index")) {
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String type = rs.getString(2);
                        Class<?> payloadType = types.computeIfAbsent(type, ReplayBenchmark::load);
                        Object payload = json.readValue(rs.getBytes(3), payloadType);
                        Map<?, ?> metadata = json.readValue(rs.getBytes(4), Map.class);
                        if (payload == null || metadata == null) {
                            throw new IllegalStateException("unreadable row " + rs.getLong(1));
                        }
                        rows++;
                    }
                }
            }
            connection.rollback();
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private static Class<?> load(String name) {
        try {
            return name.equals(MetaData.class.getName()) ? Map.class : Class.forName(CommitmentEvents.className(name));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
