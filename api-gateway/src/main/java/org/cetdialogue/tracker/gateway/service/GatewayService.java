package org.cetdialogue.tracker.gateway.service;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The HTTP gateway as a service of its own (Axon Server mode, profile {@code axonserver}): REST, security, problem
 * details, the seed; its commands and queries go through Axon Server to {@code commitment-command} and
 * {@code commitment-query}. Only the gateway's packages are scanned, so neither the aggregate nor the projections
 * are loaded here.
 */
@EnableAutoConfiguration
@ComponentScan(
        basePackages = "org.cetdialogue.tracker.gateway",
        // the auditors' endpoints read the event store and drive the projections' processors, which live in the
        // query service; this deployment does not serve them (see the README's Deployment section)
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.cetdialogue\\.tracker\\.gateway\\.audit\\..*"))
public class GatewayService {

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(GatewayService.class)
                .profiles("axonserver")
                .run(args);
    }
}
