package org.cetdialogue.tracker.gateway.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the caller from the security context; the audit trail never takes an author from a request body. */
@Component
public class CurrentActor {

    public Actor get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("no authenticated caller");
        }
        String side;
        if (authentication.getPrincipal() instanceof SidedCaller caller) {
            side = caller.side().name();
        } else if (authentication instanceof SidedCaller caller) {
            side = caller.side().name();
        } else {
            side = "UNKNOWN";
        }
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList();
        return new Actor(authentication.getName(), side, roles);
    }
}
