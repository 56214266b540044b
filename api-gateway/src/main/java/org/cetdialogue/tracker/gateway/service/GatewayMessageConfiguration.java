package org.cetdialogue.tracker.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.cetdialogue.tracker.api.json.StoredMessageSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The stored-message mapper for the gateway's commands and queries when it runs without the write and read sides
 * (Axon Server mode), so that Axon never serialises messages with the REST mapper.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayMessageConfiguration {

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
}
