package org.cetdialogue.tracker.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How a bearer token is checked, in the {@code jwt} profile: signed with one of the provider's keys (fetched from its
 * discovery document on first use, not at start, and fetched again for a key id not seen before, so keys rotate
 * without a restart) by an asymmetric algorithm; typed {@code at+jwt} (RFC 9068) or {@code JWT}, or untyped; issued by
 * the configured issuer for the configured audience; with an {@code exp}; and with {@code exp}, {@code nbf} and
 * {@code iat} within the clock skew of now. Offline, a PEM public key may stand in for the issuer (then the issuer is
 * not checked).
 */
@Configuration(proxyBeanMethods = false)
class BearerTokenConfiguration {

    private static final Set<String> TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt", "application/jwt");

    @Bean
    @ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' != ''"
            + " or '${spring.security.oauth2.resourceserver.jwt.public-key-location:}' != ''")
    JwtDecoder jwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:}") String publicKeyLocation,
            JwtProperties properties,
            IdentityProviderOutage outage,
            RestTemplateBuilder rest) {
        if (properties.audience().isBlank()) {
            throw new IllegalStateException("Bearer tokens are on, but no audience is configured: set"
                    + " tracker.security.jwt.audience (TRACKER_JWT_AUDIENCE) to the audience (the resource indicator)"
                    + " that your identity provider issues the tracker's access tokens for");
        }
        OAuth2TokenValidator<Jwt> validator = validator(issuer, properties);
        Supplier<JwtDecoder> decoder;
        if (!issuer.isBlank()) {
            var restOperations = rest.connectTimeout(Duration.ofSeconds(3))
                    .readTimeout(Duration.ofSeconds(5))
                    .build();
            decoder = () -> {
                NimbusJwtDecoder nimbus = NimbusJwtDecoder.withIssuerLocation(issuer)
                        .validateType(false)
                        .restOperations(restOperations)
                        .jwsAlgorithms(algorithms -> properties.algorithms().stream()
                                .map(BearerTokenConfiguration::asymmetric)
                                .forEach(algorithms::add))
                        .build();
                nimbus.setJwtValidator(validator);
                return nimbus;
            };
        } else {
            RSAPublicKey key = publicKey(publicKeyLocation);
            decoder = () -> {
                NimbusJwtDecoder nimbus =
                        NimbusJwtDecoder.withPublicKey(key).validateType(false).build();
                nimbus.setJwtValidator(validator);
                return nimbus;
            };
        }
        return new ProviderJwtDecoder(new SupplierJwtDecoder(decoder), outage);
    }

    static OAuth2TokenValidator<Jwt> validator(String issuer, JwtProperties properties) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(BearerTokenConfiguration::typed);
        validators.add(new JwtTimestampValidator(properties.clockSkew()));
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(jwt -> notIssuedInTheFuture(jwt, properties.clockSkew()));
        validators.add(new JwtAudienceValidator(properties.audience()));
        if (!issuer.isBlank()) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    /** Spring's {@code JwtIssuedAtValidator} also refuses an iat older than the skew: right for DPoP, not here. */
    private static OAuth2TokenValidatorResult notIssuedInTheFuture(Jwt jwt, Duration clockSkew) {
        Instant issuedAt = jwt.getIssuedAt();
        if (issuedAt == null || !issuedAt.isAfter(Instant.now().plus(clockSkew))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "the token was issued in the future (iat)", null));
    }

    private static OAuth2TokenValidatorResult typed(Jwt jwt) {
        Object type = jwt.getHeaders().get(JoseHeaderNames.TYP);
        if (type == null || TOKEN_TYPES.contains(type.toString().toLowerCase(Locale.ROOT))) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "the token's type (typ) must be at+jwt or JWT", null));
    }

    private static SignatureAlgorithm asymmetric(String name) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.trim());
        if (algorithm == null) {
            throw new IllegalStateException("tracker.security.jwt.algorithms: " + name
                    + " is not an asymmetric JWS algorithm (RS256…RS512, PS256…PS512, ES256…ES512)");
        }
        return algorithm;
    }

    private static RSAPublicKey publicKey(String location) {
        try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer's public key at " + location, e);
        }
    }
}
