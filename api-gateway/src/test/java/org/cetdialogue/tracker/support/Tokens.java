package org.cetdialogue.tracker.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** Access tokens as an identity provider would sign them (its key, {@code typ: at+jwt}), for tests to vary. */
public final class Tokens {

    private Tokens() {}

    /** A viewer's claims for the tracker's audience, valid for five minutes, with one change. */
    public static JWTClaimsSet claims(String issuer, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder()
                        .issuer(issuer)
                        .audience(OidcProvider.AUDIENCE)
                        .subject("crafted-viewer")
                        .claim("roles", List.of("VIEWER"))
                        .claim("side", "US")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))))
                .build();
    }

    public static String signed(RSAKey key, String issuer, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .type(new JOSEObjectType("at+jwt"))
                            .keyID(key.getKeyID())
                            .build(),
                    claims(issuer, change));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
