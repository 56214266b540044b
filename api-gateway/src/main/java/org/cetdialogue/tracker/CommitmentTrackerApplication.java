package org.cetdialogue.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The standalone tracker: one JVM hosting the write side, the read side and the HTTP gateway, over an embedded H2
 * file database by default.
 */
@SpringBootApplication
public class CommitmentTrackerApplication {

    public static void main(String[] args) {
        // The tracker makes no outbound connection: switch off Axon's update checker before anything starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommitmentTrackerApplication.class, args);
    }
}
