package org.cetdialogue.tracker.query.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.json.StoredMessageSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The read side's Axon wiring: the token store's table and the stored-message mapper. */
@Configuration(proxyBeanMethods = false)
public class QuerySideConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Jackson for tokens and messages, with a mapper of its own (never the REST mapper). */
    @Bean(name = "defaultAxonObjectMapper")
    @ConditionalOnMissingBean(name = "defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return MessageJson.newObjectMapper();
    }

    /**
     * Axon's Jackson serializer for every message over that mapper, keeping the stored names of events that moved
     * package (see {@link StoredMessageSerializer}); with {@code axon.serializer.*: jackson} Axon uses it for
     * messages and events as well.
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "serializer")
    Serializer serializer(
            @Qualifier("defaultAxonObjectMapper") ObjectMapper defaultAxonObjectMapper, RevisionResolver revisions) {
        return StoredMessageSerializer.create(defaultAxonObjectMapper, revisions);
    }

    /**
     * With Axon Server, a new processor starts at the first event without asking the server for its tail first, so
     * that the service starts (and keeps retrying the stream) while Axon Server is not reachable yet.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    ConfigurerModule processorsStartAtTheFirstEvent() {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) ->
                        builder.initialToken(source -> new GlobalSequenceTrackingToken(-1)));
    }

    /** Snake-case names for Axon's token table; the DDL is a Flyway migration. */
    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("token_timestamp")
                .setOwnerColumn("owner")
                .build();
    }
}
