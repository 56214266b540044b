package org.cetdialogue.tracker.gateway.commitment;

import io.swagger.v3.oas.annotations.Hidden;
import org.axonframework.messaging.MetaData;
import org.cetdialogue.tracker.api.audit.AuditMetadata;

/**
 * What a write reads besides its body, resolved once per request by {@link WriteContextResolver}: the commitment named
 * in the path, the version {@code If-Match} asks for (null: any) and the correlation id ({@code X-Correlation-Id}, or a
 * new one). A create names no commitment in its path and has no version to match: both are null there.
 */
@Hidden
public record WriteContext(String commitmentId, Long expectedVersion, String correlationId) {

    /** The write's own audit metadata: its correlation id and the reason, if any. Who writes is added on dispatch. */
    MetaData metadata(String reason) {
        MetaData metadata = MetaData.with(AuditMetadata.CORRELATION_ID, correlationId);
        return reason == null ? metadata : metadata.and(AuditMetadata.REASON, reason);
    }
}
