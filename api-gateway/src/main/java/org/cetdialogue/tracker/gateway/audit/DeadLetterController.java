package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.cetdialogue.tracker.api.audit.DeadLetterList;
import org.cetdialogue.tracker.api.audit.DeadLetterRetryResult;
import org.cetdialogue.tracker.api.audit.FindDeadLettersQuery;
import org.cetdialogue.tracker.api.audit.RetryDeadLettersCommand;
import org.cetdialogue.tracker.gateway.projection.ProjectionReadCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The events the projections failed on, parked in Axon's sequenced dead-letter queues: list and retry. */
@RestController
@RequestMapping("/api/audit/dead-letters")
public class DeadLetterController {

    private final AuditMessages messages;
    private final ProjectionReadCache readCache;

    DeadLetterController(AuditMessages messages, ProjectionReadCache readCache) {
        this.messages = messages;
        this.readCache = readCache;
    }

    @GetMapping
    @Operation(summary = "Events parked by the projections, with the cause of each")
    public DeadLetterList list() {
        return messages.query(new FindDeadLettersQuery(), DeadLetterList.class);
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Retry every parked sequence of one projection, in order")
    public DeadLetterRetryResult retry(@PathVariable String group) {
        DeadLetterRetryResult result = messages.send(new RetryDeadLettersCommand(group));
        // the retried events changed the projection without moving its processor's position
        readCache.forget(group);
        return result;
    }
}
