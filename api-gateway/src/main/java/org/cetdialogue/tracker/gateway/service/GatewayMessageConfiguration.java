package org.cetdialogue.tracker.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cetdialogue.tracker.api.json.MessageJson;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
