package org.cetdialogue.tracker.api.audit;

import java.util.List;

/** Every stored event of one commitment in order, corrections with their fields before and after. */
public record CommitmentAuditHistory(String commitmentId, String area, List<AuditEvent> events) {}
