package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The REST mapper, built by Spring Boot from {@code spring.jackson.*} (unknown fields are errors, ISO dates, RFC 9457
 * problem details). It is primary so that HTTP never uses the {@code defaultAxonObjectMapper}, which defines the
 * stored event format and must not change with the REST JSON.
 */
@Configuration(proxyBeanMethods = false)
public class RestJsonConfiguration {

    @Bean
    @Primary
    ObjectMapper restObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }
}
