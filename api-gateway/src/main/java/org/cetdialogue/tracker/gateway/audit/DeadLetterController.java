package org.cetdialogue.tracker.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.cetdialogue.tracker.gateway.error.NotFoundException;
import org.cetdialogue.tracker.gateway.projection.ProjectionReadCache;
import org.cetdialogue.tracker.query.audit.deadletter.DeadLetterView;
import org.cetdialogue.tracker.query.audit.deadletter.DeadLetters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The events the projections failed on, parked in Axon's sequenced dead-letter queues: list and retry. */
@RestController
@RequestMapping("/api/audit/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;
    private final ProjectionReadCache readCache;

    public DeadLetterController(DeadLetters deadLetters, ProjectionReadCache readCache) {
        this.deadLetters = deadLetters;
        this.readCache = readCache;
    }

    /** The parked events of every projection, with their cause. */
    public record DeadLetterList(List<DeadLetterView> deadLetters) {}

    /** The outcome of a retry: how many parked sequences went through, and what is still parked in the group. */
    public record RetryResult(String processingGroup, int processedSequences, List<DeadLetterView> stillParked) {}

    @GetMapping
    @Operation(summary = "Events parked by the projections, with the cause of each")
    public DeadLetterList list() {
        return new DeadLetterList(deadLetters.list());
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Retry every parked sequence of one projection, in order")
    public RetryResult retry(@PathVariable String group) {
        if (!deadLetters.groups().contains(group)) {
            throw new NotFoundException("no dead-letter queue for " + group + "; there are " + deadLetters.groups());
        }
        int processed = deadLetters.retry(group).orElse(0);
        // the retried events changed the projection without moving its processor's position
        readCache.forget(group);
        return new RetryResult(
                group,
                processed,
                deadLetters.list().stream()
                        .filter(letter -> letter.processingGroup().equals(group))
                        .toList());
    }
}
