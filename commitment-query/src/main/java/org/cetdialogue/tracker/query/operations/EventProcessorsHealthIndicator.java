package org.cetdialogue.tracker.query.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cetdialogue.tracker.query.operations.ProcessorStatuses.ProcessorState;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code eventProcessors}: each projection's processor with its segments held by this instance, its
 * lag behind the head of the event stream, and whether it is in error. DOWN when a processor is in error (for
 * instance while the database is away: it retries by itself and comes back UP), or has stopped.
 */
@Component("eventProcessorsHealthIndicator")
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final ProcessorStatuses processors;

    public EventProcessorsHealthIndicator(ProcessorStatuses processors) {
        this.processors = processors;
    }

    @Override
    public Health health() {
        boolean healthy = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ProcessorState state : processors.states()) {
            healthy &= state.running() && !state.error();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", state.running());
            detail.put("error", state.error());
            if (state.errorType() != null) {
                detail.put("errorType", state.errorType());
            }
            detail.put("segments", state.segments());
            detail.put("lag", state.lag());
            details.put(state.name(), detail);
        }
        return (healthy ? Health.up() : Health.down()).withDetails(details).build();
    }
}
