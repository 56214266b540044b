package org.cetdialogue.tracker.support;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * For several trackers in one test JVM on one database: Axon's token store names its owner after the JVM ({@code
 * pid@host}), so two instances in one JVM would each take the other's claims for their own and both process every
 * segment. This token store is Axon's auto-configured one with an owner of the test's choosing ({@link #with}); separate
 * JVMs, as in production, need nothing of the kind. Not annotated, so that only the trackers given it by {@link
 * #with} use it (the application's component scan reaches this package).
 */
public class TokenOwner {

    /** The arguments that make a {@link RunningTracker} claim segments as {@code owner}. */
    public static String[] with(String owner) {
        return new String[] {"spring.main.sources=" + TokenOwner.class.getName(), "tracker.test.token-owner=" + owner};
    }

    @Bean
    TokenStore tokenStore(
            ConnectionProvider connections,
            @Qualifier("serializer") Serializer serializer,
            TokenSchema schema,
            TokenStoreProperties properties,
            @Value("${tracker.test.token-owner}") String owner) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(owner)
                .build();
    }
}
