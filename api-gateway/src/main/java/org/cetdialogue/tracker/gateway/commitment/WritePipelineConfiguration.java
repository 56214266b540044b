package org.cetdialogue.tracker.gateway.commitment;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The per-request part of the write pipeline: {@link WriteContext} parameters are resolved by
 * {@link WriteContextResolver}, and the OpenAPI document lists what it reads as the operation's parameters, as it
 * would for {@code @PathVariable} and {@code @RequestHeader}, and each success names the {@code X-Event-Position} header.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriteAdmissionProperties.class)
public class WritePipelineConfiguration implements WebMvcConfigurer {

    private final WriteContextResolver resolver = new WriteContextResolver();

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(resolver);
    }

    @Bean
    OperationCustomizer writeContextParameters() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).noneMatch(resolver::supportsParameter)) {
                return operation;
            }
            RequestMapping mapping =
                    AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
            boolean namesCommitment = mapping != null
                    && Arrays.stream(mapping.path())
                            .anyMatch(path -> path.contains("{" + WriteContextResolver.ID + "}"));
            if (namesCommitment) {
                operation.addParametersItem(
                        new PathParameter().name(WriteContextResolver.ID).schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter()
                        .name(WriteContextResolver.IF_MATCH)
                        .required(false)
                        .schema(new StringSchema()));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        response.addHeaderObject(
                                CommitmentWrites.EVENT_POSITION,
                                new Header()
                                        .description("the global position of the event the write appended")
                                        .schema(new IntegerSchema().format("int64")));
                    }
                });
            }
            return operation.addParametersItem(new HeaderParameter()
                    .name(WriteContextResolver.CORRELATION)
                    .required(false)
                    .schema(new StringSchema()));
        };
    }
}
