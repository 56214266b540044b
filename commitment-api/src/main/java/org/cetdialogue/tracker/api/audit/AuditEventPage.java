package org.cetdialogue.tracker.api.audit;

import java.util.List;

/**
 * A page of the global stream. {@code next} is the cursor of the following page (pass it as {@code after}); null
 * when this page reached the end of what is indexed now.
 */
public record AuditEventPage(List<AuditEvent> events, Long next) {}
