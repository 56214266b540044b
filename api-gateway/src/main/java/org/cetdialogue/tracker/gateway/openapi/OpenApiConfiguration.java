package org.cetdialogue.tracker.gateway.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.beans.Introspector;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * The OpenAPI document ({@code /v3/api-docs}, committed as {@code docs/openapi.yaml}): the info block, the server,
 * the security schemes the running configuration accepts, stable operation ids, and {@link ApiContract}'s rules,
 * which give every operation its problem responses, headers and media types.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI trackerOpenApi(
            @Value("${tracker.api.version:development}") String version,
            @Value("${tracker.security.http-basic.enabled:true}") boolean httpBasic,
            ObjectProvider<JwtDecoder> jwtDecoder) {
        Components components = new Components();
        OpenAPI api = new OpenAPI()
                .info(new Info()
                        .title("CET Commitment Tracker API")
                        .version(version)
                        .description("""
                                The commitments of the U.S.–ROK Next Generation Critical and Emerging Technologies \
                                Dialogue (joint fact sheet of 2023-12-08), event-sourced. The secretariats record \
                                what happened (every write is a command that becomes a permanent event); everyone \
                                reads the projections, also live as Server-Sent Events; auditors read, export, \
                                replay and verify the full history.

                                Errors are RFC 9457 problem details (`application/problem+json`): 400 malformed, \
                                422 a value the contract refuses, 404 unknown, 409 a lifecycle rule broken (named in \
                                `rule`), 412 a stale `If-Match`, 429 and 503 with `Retry-After` where given."""))
                // relative: the document describes whichever host serves it
                .servers(List.of(new Server().url("/").description("this tracker")))
                .components(components);
        if (httpBasic) {
            components.addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("basic")
                            .description("The tracker's configured users (the README's demo users in development)"));
            api.addSecurityItem(new SecurityRequirement().addList(BASIC));
        }
        if (jwtDecoder.getIfAvailable() != null) {
            components.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An RFC 9068 access token of the configured issuer (jwt profile)"));
            api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        }
        return api;
    }

    /**
     * Operation ids that stay put: the controller's feature and the method, e.g. {@code projectionCommitment} and
     * {@code streamCommitment}, rather than springdoc's {@code commitment_1} and {@code commitment_2}, which change
     * with the order the controllers are scanned in (and name the generated client's methods).
     */
    @Bean
    OperationCustomizer stableOperationIds() {
        return (operation, handler) -> {
            String feature = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
            String method = handler.getMethod().getName();
            return operation.operationId(
                    Introspector.decapitalize(feature) + Character.toUpperCase(method.charAt(0)) + method.substring(1));
        };
    }

    @Bean
    OpenApiCustomizer apiContract(
            @Value("${tracker.security.http-basic.enabled:true}") boolean passwordSignIn,
            @Value("${tracker.security.oidc.client-id:}") String oidcClientId) {
        return new ApiContract(passwordSignIn && oidcClientId.isBlank());
    }
}
