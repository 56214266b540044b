package org.cetdialogue.tracker.query.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.query.SubscriptionFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Carries subscription-query updates between instances that share one PostgreSQL database and no Axon Server.
 *
 * <p>Without Axon Server an update is emitted only on the instance whose processor handled the event, but a
 * subscriber (an SSE client) may be connected to any instance. Each update emitted for a query type is therefore
 * also sent with {@code pg_notify} on channel {@value #CHANNEL}, inside the transaction of the handler that emitted
 * it, so it leaves exactly when the projection change commits. Every instance {@code LISTEN}s on its own connection
 * and emits what the others sent to its local subscriptions of the same query type that want it: the query says which
 * updates it wants ({@link SubscriptionFilter}), the same rule the emitting projection applies to its own
 * subscriptions. A query type that is no {@code SubscriptionFilter} receives no relayed update.
 *
 * <p>Limits, by design: updates are JSON of contract types ({@code org.cetdialogue.tracker.api.*}) of at most
 * {@value #MAX_PAYLOAD} bytes (larger ones stay local and are logged); a notification sent while an instance is
 * disconnected from the database is not replayed to it (its subscribers still get the initial result when they
 * subscribe again).
 */
public class QueryUpdateRelay implements SmartLifecycle {

    static final String CHANNEL = "tracker_query_updates";
    static final int MAX_PAYLOAD = 7900;
    private static final String CONTRACT_PACKAGE = "org.cetdialogue.tracker.api.";
    private static final Logger log = LoggerFactory.getLogger(QueryUpdateRelay.class);

    private final String origin = UUID.randomUUID().toString();
    private final ObjectMapper json = MessageJson.newObjectMapper();
    private final JdbcTemplate jdbc;
    private final QueryUpdateEmitter emitter;
    private final ChannelListener listener;

    public QueryUpdateRelay(JdbcTemplate jdbc, DataSourceProperties dataSource, QueryUpdateEmitter emitter) {
        this.jdbc = jdbc;
        this.emitter = emitter;
        this.listener = new ChannelListener(dataSource, CHANNEL, "query-update-relay", this::deliver);
    }

    /** Sends an update to the other instances; part of the current transaction when there is one. */
    void publish(Class<?> queryType, Object update) {
        String message;
        try {
            ObjectNode node = json.createObjectNode();
            node.put("origin", origin);
            node.put("queryType", queryType.getName());
            node.put("updateType", update.getClass().getName());
            node.set("update", json.valueToTree(update));
            message = json.writeValueAsString(node);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("update for {} not relayed: {}", queryType.getSimpleName(), e.toString());
            return;
        }
        if (message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
            log.warn("update for {} too large to relay ({} bytes)", queryType.getSimpleName(), message.length());
            return;
        }
        jdbc.query("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, message);
    }

    /** True while this instance is listening (for tests and health). */
    public boolean isListening() {
        return listener.isListening();
    }

    @Override
    public void start() {
        listener.start();
    }

    @Override
    public void stop() {
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    private void deliver(String message) {
        try {
            JsonNode node = json.readTree(message);
            if (origin.equals(node.path("origin").asText())) {
                return;
            }
            Class<?> queryType = contractClass(node.path("queryType").asText());
            Object update = json.treeToValue(
                    node.get("update"), contractClass(node.path("updateType").asText()));
            if (emitter instanceof RelayingQueryUpdateEmitter relaying) {
                relaying.deliverLocally(queryType, query -> SubscriptionFilter.wanted(query, update), update);
            } else {
                emitter.emit(queryType, query -> SubscriptionFilter.wanted(query, update), update);
            }
        } catch (JsonProcessingException | ClassNotFoundException | RuntimeException e) {
            log.warn("relayed update ignored: {}", e.toString());
        }
    }

    private static Class<?> contractClass(String name) throws ClassNotFoundException {
        if (!name.startsWith(CONTRACT_PACKAGE)) {
            throw new ClassNotFoundException("not a contract type: " + name);
        }
        return Class.forName(name, false, QueryUpdateRelay.class.getClassLoader());
    }
}
