package org.cetdialogue.tracker.gateway.commitment;

/**
 * A request body that records a fact about an existing commitment: it maps itself to the command that records it.
 * The commitment and the version come from the path and {@code If-Match} ({@link WriteContext}), never from the body.
 */
@FunctionalInterface
public interface CommitmentRequest {

    /** The command for commitment {@code commitmentId}, conditional on {@code expectedVersion} unless it is null. */
    Object toCommand(String commitmentId, Long expectedVersion);

    /** The reason the audit trail records with the command, for the requests that give one. */
    default String reason() {
        return null;
    }
}
