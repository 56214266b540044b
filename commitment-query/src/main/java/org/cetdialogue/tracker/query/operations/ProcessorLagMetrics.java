package org.cetdialogue.tracker.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.cetdialogue.tracker.api.query.FindProcessorStatusQuery;
import org.cetdialogue.tracker.api.query.ProcessorStatus;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges {@code tracker.processor.lag} (positions behind the head of the event stream, -1 when this instance holds
 * no segment), {@code tracker.processor.error} (1 while in error), {@code tracker.processor.replaying} (1 while being
 * rebuilt) and {@code tracker.processor.replay.progress} (the share of a rebuild done, 0 to 1; 1 when none is under
 * way), tagged with the processor's name, beside the latency and throughput metrics Axon's {@code axon-micrometer}
 * publishes itself.
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
            Gauge.builder(
                            "tracker.processor.replaying",
                            processors,
                            p -> rebuild(p, name).rebuilding() ? 1 : 0)
                    .description("1 while the processor is being rebuilt from the events (a replay)")
                    .tag("processor", name)
                    .register(registry);
            Gauge.builder("tracker.processor.replay.progress", processors, p -> progress(rebuild(p, name)))
                    .description("Share of the processor's rebuild done, 0 to 1 (1 when no rebuild is under way)")
                    .baseUnit("ratio")
                    .tag("processor", name)
                    .register(registry);
        }
    }

    private static ProcessorStatus rebuild(ProcessorStatuses processors, String name) {
        return processors.handle(new FindProcessorStatusQuery(name, true));
    }

    private static double progress(ProcessorStatus status) {
        if (!status.rebuilding()) {
            return 1;
        }
        return status.progress() == null ? 0 : status.progress() / 100.0;
    }
}
