package org.cetdialogue.tracker.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges {@code tracker.processor.lag} (positions behind the head of the event stream, -1 when this instance holds
 * no segment) and {@code tracker.processor.error} (1 while in error), tagged with the processor's name, beside the
 * latency and throughput metrics Axon's {@code axon-micrometer} publishes itself.
 */
@Component
public class ProcessorLagMetrics {

    private final ProcessorStatuses processors;
    private final MeterRegistry registry;

    public ProcessorLagMetrics(ProcessorStatuses processors, MeterRegistry registry) {
        this.processors = processors;
        this.registry = registry;
    }

    /** Registered once the processors exist, which is after the context is refreshed. */
    @EventListener(ApplicationStartedEvent.class)
    public void register() {
        for (String name : processors.names()) {
            Gauge.builder("tracker.processor.lag", processors, p -> p.lag(name))
                    .description("Global-index positions between the head of the event stream and this processor")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder(
                            "tracker.processor.error",
                            processors,
                            p -> p.states().stream().anyMatch(s -> s.name().equals(name) && s.error()) ? 1 : 0)
                    .description("1 while the processor is in error (it retries by itself)")
                    .tag("processor", name)
                    .register(registry);
        }
    }
}
