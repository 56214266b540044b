package org.cetdialogue.tracker.gateway.service;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The HTTP gateway as a service of its own (Axon Server mode, profile {@code axonserver}): REST, security, problem
 * details, the seed; its commands and queries go through Axon Server to {@code commitment-command} and
 * {@code commitment-query}. Only the gateway's packages are scanned, so neither the aggregate nor the projections
 * are loaded here.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.cetdialogue.tracker.gateway")
public class GatewayService {

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(GatewayService.class)
                .profiles("axonserver")
                .run(args);
    }
}
