package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.math.BigDecimal;
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
 * problem details) plus the JSON limits of {@link HttpLimitsProperties} and a strict reading of request bodies: a body
 * is exactly one JSON value, a key appears once, an enum is its exact name as a string, a boolean is {@code true} or
 * {@code false}, a whole number is a JSON integer, text is a JSON string (never trimmed), and dates and amounts follow
 * one grammar each ({@link StrictLocalDateDeserializer}, {@link StrictAmountDeserializer}). It is primary so that HTTP
 * never uses the {@code defaultAxonObjectMapper}, which defines the stored event format and must not change with the
 * REST JSON: the strictness and the limits apply to request bodies only, and stored history stays readable as it was
 * written. The body size cap runs as a servlet filter ahead of security.
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
                .deserializerByType(BigDecimal.class, new StrictAmountDeserializer())
                // {"a":1} xyz, {"a":1}} and {"a":1}{"a":2} are not one value: 400, not the first value stored
                .featuresToEnable(
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        // {"description":"a","description":null}: 400, not the last one silently winning
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                // "true" is not a boolean and "7" is not a number: scalars are read only from their own JSON type
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(constraints);
                    mapper.registerModule(StrictEnumDeserializer.module());
                    // a number or a boolean where text is expected is a wrong type, not text: {"description": 1.5} is
                    // 400
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    // lowerBound is true or false: not 123, 0, "" or "true"
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    // a sequence number is a JSON integer: not "3", "" or true
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
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

    @Bean
    FilterRegistrationBean<AcceptHeaderFilter> acceptHeaderFilter(ProblemResponses problems) {
        FilterRegistrationBean<AcceptHeaderFilter> registration =
                new FilterRegistrationBean<>(new AcceptHeaderFilter(problems));
        registration.setOrder(BODY_LIMIT_ORDER + 1);
        return registration;
    }
}
