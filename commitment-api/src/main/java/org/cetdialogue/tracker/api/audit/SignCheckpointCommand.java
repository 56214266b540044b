package org.cetdialogue.tracker.api.audit;

/**
 * Signs the chain head now and stores the checkpoint. The result is the {@link Checkpoint}, or null when the last
 * checkpoint already covers the head.
 */
public record SignCheckpointCommand() {}
