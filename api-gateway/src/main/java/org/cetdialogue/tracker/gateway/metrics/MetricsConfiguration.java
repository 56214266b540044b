package org.cetdialogue.tracker.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.cetdialogue.tracker.gateway.stream.StreamLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code /actuator/prometheus} publishes beside the libraries' own meters: every meter renamed to Prometheus's
 * conventions ({@link PrometheusConventions}; Spring Boot applies a {@code MeterFilter} bean to every registry), and
 * the number of open live streams ({@code tracker_stream_subscribers}).
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean
    PrometheusConventions prometheusConventions() {
        return new PrometheusConventions();
    }

    @Bean
    MeterBinder streamSubscribers(StreamLimiter streams) {
        return (MeterRegistry registry) -> Gauge.builder(
                        "tracker.stream.subscribers", streams, StreamLimiter::openStreams)
                .description("Server-Sent Events streams open now (dashboards and other subscribers)")
                .register(registry);
    }
}
