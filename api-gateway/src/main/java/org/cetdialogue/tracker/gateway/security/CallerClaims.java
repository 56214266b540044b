package org.cetdialogue.tracker.gateway.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.cetdialogue.tracker.api.commitment.Country;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The caller a set of claims names, by the claims {@link JwtProperties} configures: one mapping for bearer tokens and
 * for the ID tokens of a dashboard sign-in. A token without a username or a side of US or ROK is refused; role names
 * the tracker does not know are ignored, so a token with none of its roles may read and write nothing (403).
 */
record CallerClaims(String username, Country side, List<GrantedAuthority> authorities) {

    static CallerClaims of(
            Map<String, Object> claims, JwtProperties properties, Function<String, RuntimeException> refusal) {
        Object username = claims.get(properties.usernameClaim());
        if (!(username instanceof String name) || name.isBlank()) {
            throw refusal.apply("the token names no user");
        }
        return new CallerClaims(
                name,
                side(claims.get(properties.sideClaim()), refusal),
                authorities(claims.get(properties.rolesClaim())));
    }

    private static Country side(Object value, Function<String, RuntimeException> refusal) {
        if (value instanceof String text) {
            for (Country country : Country.values()) {
                if (country.name().equalsIgnoreCase(text.trim())) {
                    return country;
                }
            }
        }
        throw refusal.apply("the token names no side (US or ROK)");
    }

    private static List<GrantedAuthority> authorities(Object claim) {
        List<String> names;
        if (claim instanceof Collection<?> values) {
            names = values.stream().map(String::valueOf).toList();
        } else if (claim instanceof String value) {
            names = Arrays.asList(value.split("[\\s,]+"));
        } else {
            names = List.of();
        }
        return names.stream()
                .map(name -> name.trim().toUpperCase(Locale.ROOT))
                .filter(name ->
                        Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .distinct()
                .map(name -> (GrantedAuthority)
                        new SimpleGrantedAuthority(Role.valueOf(name).authority()))
                .toList();
    }
}
