package org.cetdialogue.tracker.query;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The read side as a service of its own (Axon Server mode): the projections, fed from Axon Server's event stream,
 * their tables and tokens in PostgreSQL, answering the queries and subscription queries Axon Server routes to it.
 * Settings in {@code commitment-query.yml}. Only this module's packages are scanned; deliberately not a
 * {@code @SpringBootApplication} (a {@code @Configuration}), so the standalone application's scan ignores it.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.cetdialogue.tracker.query")
public class CommitmentQueryService {

    public static final String CONFIG_NAME = "commitment-query";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(CommitmentQueryService.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
