package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cetdialogue.tracker.api.audit.AreasAsOf;
import org.cetdialogue.tracker.api.audit.CommitmentAsOf;
import org.cetdialogue.tracker.api.audit.FindAreasAsOfQuery;
import org.cetdialogue.tracker.api.audit.FindCommitmentAsOfQuery;
import org.cetdialogue.tracker.gateway.commitment.CommitmentIds;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The record as of a date, bitemporally: {@code effective} (a date: the facts that had happened by its end) and
 * {@code recorded} (a date: what the tracker knew by the end of that day in UTC; or an instant). Either may be left
 * out: no limit on that axis.
 */
@RestController
@RequestMapping("/api/audit/as-of")
public class AsOfController {

    private static final String AS_OF_PARAMETERS = "effective: a date yyyy-MM-dd; recorded: a date (to its end in UTC)"
            + " or an instant such as 2025-01-15T09:00:00Z; from 1900-01-01 to 9999-12-31, anything else is a 400.";

    private final AuditMessages messages;

    AsOfController(AuditMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/commitments/{id}")
    @Operation(summary = "One commitment as of an effective date and a recorded date", description = AS_OF_PARAMETERS)
    public CommitmentAsOf commitment(
            @PathVariable String id,
            @RequestParam(required = false) String effective,
            @RequestParam(required = false) String recorded) {
        CommitmentIds.require(id);
        return messages.find(
                        new FindCommitmentAsOfQuery(
                                id, AuditParameters.date(effective, "effective"), recordedBy(recorded)),
                        CommitmentAsOf.class)
                .orElseThrow(() -> new NotFoundException("commitment " + id + " was not proposed as of those dates"));
    }

    @GetMapping("/areas")
    @Operation(
            summary = "Per-area status and funding totals as of an effective date and a recorded date",
            description = AS_OF_PARAMETERS)
    public AreasAsOf areas(
            @RequestParam(required = false) String effective, @RequestParam(required = false) String recorded) {
        return messages.query(
                new FindAreasAsOfQuery(AuditParameters.date(effective, "effective"), recordedBy(recorded)),
                AreasAsOf.class);
    }

    /** A date means its end in UTC (everything recorded that day counts); an instant is taken as given. */
    private static Instant recordedBy(String recorded) {
        Instant instant = AuditParameters.instant(recorded, "recorded");
        if (instant != null && recorded.length() == 10) {
            return AuditParameters.date(recorded, "recorded")
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant()
                    .minusNanos(1);
        }
        return instant;
    }
}
