package org.cetdialogue.tracker.gateway.commitment;

import io.swagger.v3.oas.annotations.Hidden;
import org.axonframework.messaging.MetaData;
import org.cetdialogue.tracker.api.audit.AuditMetadata;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;

/**
 * What a write reads besides its body, resolved once per request by {@link WriteContextResolver}: the commitment named
 * in the path, the version {@code If-Match} asks for (null: any), the correlation id ({@code X-Correlation-Id}, or a
 * new one) and, for a request with an {@code Idempotency-Key}, its {@link IdempotentRequest} (else null). A create
 * names no commitment in its path and has no version to match: both are null there.
 */
@Hidden
public record WriteContext(
        String commitmentId, Long expectedVersion, String correlationId, IdempotentRequest idempotentRequest) {

    /**
     * The write's own metadata: its correlation id, the reason, if any, and its idempotent request, if any (which the
     * commitment remembers with the event, so that a retry is never applied twice). Who writes is added on dispatch.
     */
    MetaData metadata(String reason) {
        MetaData metadata = MetaData.with(AuditMetadata.CORRELATION_ID, correlationId);
        if (idempotentRequest != null) {
            metadata = metadata.mergedWith(idempotentRequest.toMetaData());
        }
        return reason == null ? metadata : metadata.and(AuditMetadata.REASON, reason);
    }
}
