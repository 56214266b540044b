package org.cetdialogue.tracker.command;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

/**
 * The write side as a service of its own (Axon Server mode): the {@code Commitment} aggregate and its command
 * handlers, connected to Axon Server, which stores its events and routes commands to it. Settings in
 * {@code commitment-command.yml}. Only this module's packages are scanned; deliberately not a
 * {@code @SpringBootApplication} (a {@code @Configuration}), so the standalone application's scan ignores it.
 */
@EnableAutoConfiguration
@ComponentScan(basePackages = "org.cetdialogue.tracker.command")
public class CommitmentCommandService {

    public static final String CONFIG_NAME = "commitment-command";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        return new SpringApplicationBuilder(CommitmentCommandService.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
