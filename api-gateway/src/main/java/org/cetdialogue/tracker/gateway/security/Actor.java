package org.cetdialogue.tracker.gateway.security;

import java.util.List;
import org.cetdialogue.tracker.api.audit.AuditMetadata;

/** The authenticated caller as the audit trail records it: name, side (US or ROK) and roles. */
public record Actor(String username, String side, List<String> roles) {

    public AuditMetadata metadata(String correlationId, String reason) {
        return new AuditMetadata(username, side, String.join(",", roles), correlationId, reason);
    }
}
