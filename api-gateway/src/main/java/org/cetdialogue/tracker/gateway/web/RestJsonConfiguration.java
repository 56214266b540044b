package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.LocalDate;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The REST mapper, built by Spring Boot from {@code spring.jackson.*} (unknown fields are errors, ISO dates, RFC 9457
 * problem details) plus the JSON limits of {@link HttpLimitsProperties}. It is primary so that HTTP never uses the
 * {@code defaultAxonObjectMapper}, which defines the stored event format and must not change with the REST JSON: the
 * limits apply to request bodies only. The body size cap runs as a servlet filter ahead of security.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class RestJsonConfiguration {

    /** Runs before Spring Security's filter chain, so that no one, signed in or not, makes the tracker read more. */
    static final int BODY_LIMIT_ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 20;

    @Bean
    @Primary
    ObjectMapper restObjectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.createXmlMapper(false).build();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer requestJsonLimits(HttpLimitsProperties limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxStringLength(limits.maxJsonStringLength())
                .maxNameLength(limits.maxJsonNameLength())
                .maxNumberLength(limits.maxJsonNumberLength())
                .build();
        return builder -> builder.deserializerByType(LocalDate.class, new StrictLocalDateDeserializer())
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(constraints);
                    // a number or a boolean where text is expected is a wrong type, not text: {"description": 1.5} is
                    // 400
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            HttpLimitsProperties limits, ProblemResponses problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(limits.maxBodySize().toBytes(), problems));
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }
}
