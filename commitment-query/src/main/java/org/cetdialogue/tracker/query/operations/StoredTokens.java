package org.cetdialogue.tracker.query.operations;

import static org.axonframework.common.jdbc.JdbcUtils.closeQuietly;
import static org.axonframework.common.jdbc.JdbcUtils.executeQuery;
import static org.axonframework.common.jdbc.JdbcUtils.listResults;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.AbstractTokenEntry;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The tokens a processor's segments have stored in the shared {@link TokenStore}, whichever instance holds them, read
 * without claiming anything.
 *
 * <p>Axon's {@link TokenStore} has no read that leaves claims alone: {@code fetchToken} claims the segment (and fails
 * for one another instance holds). So this reads the entries the way {@link JdbcTokenStore} itself lists them for
 * {@code fetchAvailableSegments}, with its own query, entry reader and serializer (a read-only {@link JdbcTokenStore}
 * over the same connections and schema, whose claiming methods are never called). That is the store the tracker uses
 * whenever instances share a database. Another store (the in-memory one of a single instance, or JPA, not used here)
 * gives nothing: {@link #of} is empty and the caller judges from its own segments alone.
 */
@Component
public class StoredTokens {

    private final Reader reader;

    public StoredTokens(
            TokenStore tokenStore, ObjectProvider<ConnectionProvider> connections, ObjectProvider<TokenSchema> schema) {
        ConnectionProvider connectionProvider = connections.getIfUnique();
        this.reader = tokenStore instanceof JdbcTokenStore jdbc && connectionProvider != null
                ? new Reader(JdbcTokenStore.builder()
                        .connectionProvider(connectionProvider)
                        .schema(schema.getIfUnique(() -> TokenSchema.builder().build()))
                        .serializer(jdbc.serializer()))
                : null;
    }

    /**
     * Every segment of {@code processor} with the token stored for it (null for a segment not yet started), or empty
     * when the token store cannot be read without claiming.
     */
    public Optional<Map<Segment, TrackingToken>> of(String processor) {
        return reader == null ? Optional.empty() : Optional.of(reader.tokens(processor));
    }

    /** Reads token entries through {@link JdbcTokenStore}'s own query and entry reader; never claims. */
    private static final class Reader extends JdbcTokenStore {

        private Reader(JdbcTokenStore.Builder builder) {
            super(builder);
        }

        Map<Segment, TrackingToken> tokens(String processor) {
            Connection connection = getConnection();
            try {
                List<AbstractTokenEntry<?>> entries = executeQuery(
                        connection,
                        c -> selectTokenEntries(c, processor),
                        listResults(this::readTokenEntry),
                        e -> new JdbcException("Could not read the tokens of processor " + processor, e));
                int[] ids = entries.stream()
                        .mapToInt(AbstractTokenEntry::getSegment)
                        .toArray();
                Map<Segment, TrackingToken> tokens = new LinkedHashMap<>();
                for (AbstractTokenEntry<?> entry : entries) {
                    tokens.put(Segment.computeSegment(entry.getSegment(), ids), entry.getToken(serializer()));
                }
                return tokens;
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
