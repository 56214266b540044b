package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cetdialogue.tracker.api.audit.AuditEventPage;
import org.cetdialogue.tracker.api.audit.CommitmentAuditHistory;
import org.cetdialogue.tracker.api.audit.FindAuditEventsQuery;
import org.cetdialogue.tracker.api.audit.FindCommitmentAuditHistoryQuery;
import org.cetdialogue.tracker.gateway.commitment.CommitmentIds;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The full history for auditors: the global stream by cursor, and one commitment with its corrections. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "History, export, as-of views, replay, integrity and dead letters (AUDITOR)")
public class AuditHistoryController {

    private final AuditMessages messages;

    AuditHistoryController(AuditMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/events")
    @Operation(
            summary = "The global event stream after a position, filtered; follow 'next' as the next 'after'",
            description = "Filters: commitment, area, actor, type (event class name), recordedFrom/recordedTo"
                    + " (a date yyyy-MM-dd or an instant such as 2024-03-01T09:00:00Z, from 1900-01-01 to 9999-12-31;"
                    + " from inclusive, to exclusive; anything else is a 400).")
    public AuditEventPage events(
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String commitment,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String recordedFrom,
            @RequestParam(required = false) String recordedTo) {
        return messages.query(
                new FindAuditEventsQuery(
                        AuditParameters.after(after),
                        AuditParameters.limit(limit, FindAuditEventsQuery.MAX_LIMIT),
                        commitment == null ? null : CommitmentIds.require(commitment),
                        AuditParameters.area(area),
                        AuditParameters.actor(actor),
                        AuditParameters.eventType(type),
                        AuditParameters.instant(recordedFrom, "recordedFrom"),
                        AuditParameters.instant(recordedTo, "recordedTo")),
                AuditEventPage.class);
    }

    @GetMapping("/commitments/{id}/history")
    @Operation(summary = "Every stored event of one commitment; corrections with the fields before and after")
    public CommitmentAuditHistory commitment(@PathVariable String id) {
        CommitmentIds.require(id);
        return messages.find(new FindCommitmentAuditHistoryQuery(id), CommitmentAuditHistory.class)
                .orElseThrow(() -> new NotFoundException("no commitment " + id));
    }
}
