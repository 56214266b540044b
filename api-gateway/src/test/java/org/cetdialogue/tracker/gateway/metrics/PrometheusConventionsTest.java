package org.cetdialogue.tracker.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The renaming itself, on a Prometheus registry of its own with meters named as axon-micrometer names them. */
class PrometheusConventionsTest {

    private final PrometheusMeterRegistry registry = registry();

    private static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new PrometheusConventions());
        return registry;
    }

    @Test
    void axonsCountersAndTimersBecomeOneFamilyEachWithAnOutcomeLabel() {
        Counter.builder("commandBus.successCounter")
                .tag("payloadType", "SignMouCommand")
                .register(registry)
                .increment(3);
        Counter.builder("commandBus.failureCounter")
                .tag("payloadType", "SignMouCommand")
                .register(registry)
                .increment();
        Timer.builder("eventProcessor.successTimer")
                .tags("payloadType", "MouSignedEvent", "processorName", "history")
                .register(registry)
                .record(Duration.ofMillis(5));

        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("# HELP axon_command_bus_messages_total Messages the command bus has handled, by outcome")
                .contains("axon_command_bus_messages_total{outcome=\"success\",payload_type=\"SignMouCommand\"} 3")
                .contains("axon_command_bus_messages_total{outcome=\"failure\",payload_type=\"SignMouCommand\"} 1")
                .contains("axon_event_processor_handling_seconds_count{outcome=\"success\","
                        + "payload_type=\"MouSignedEvent\",processor=\"history\"} 1")
                .contains("# HELP axon_event_processor_handling_seconds Time the event processor took");
    }

    @Test
    void sumsOfOtherSeriesAndAbbreviatedUnitsAreLeftOut() {
        Timer.builder("queryBus.allTimer").register(registry).record(Duration.ofMillis(1));
        Counter.builder("queryBus.processedCounter").register(registry).increment();
        FunctionCounter.builder("process.cpu.time", this, any -> 1)
                .baseUnit("ns")
                .register(registry);
        FunctionCounter.builder("jvm.compilation.time", this, any -> 1)
                .baseUnit("ms")
                .register(registry);
        Gauge.builder("system.cpu.count", () -> 2).register(registry);

        String scrape = registry.scrape();

        assertThat(scrape)
                .doesNotContain(
                        "allTimer", "all_timer", "processed", "process_cpu_time", "jvm_compilation", "system_cpu_count")
                .contains("system_cpu_processors");
    }

    @Test
    void aMeterItsLibraryLeftUndescribedGetsHelpTextAndDescribedOnesKeepTheirs() {
        Counter.builder("spring.security.filterchains.logout.before").register(registry);
        Gauge.builder("tracker.stream.subscribers", () -> 0)
                .description("Server-Sent Events streams open now")
                .register(registry);

        assertThat(registry.scrape())
                .contains("# HELP spring_security_filterchains_logout_before_total Requests reaching a filter of"
                        + " Spring Security's chains, before or after it ran: logout before")
                .contains("# HELP tracker_stream_subscribers Server-Sent Events streams open now");
    }
}
