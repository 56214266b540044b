package org.cetdialogue.tracker;

import org.cetdialogue.tracker.command.CommitmentCommandService;
import org.cetdialogue.tracker.gateway.service.GatewayService;
import org.cetdialogue.tracker.query.CommitmentQueryService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The standalone tracker: one JVM hosting the write side, the read side and the HTTP gateway, over an embedded H2
 * file database by default. The same jar runs one service of the Axon Server deployment when
 * {@code TRACKER_SERVICE} is {@code commitment-command}, {@code commitment-query} or {@code api-gateway}.
 */
@SpringBootApplication
public class CommitmentTrackerApplication {

    public static void main(String[] args) {
        // The tracker makes no outbound connection: switch off Axon's update checker before anything starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
        String service = System.getenv().getOrDefault("TRACKER_SERVICE", "standalone");
        try {
            switch (service) {
                case "commitment-command" -> CommitmentCommandService.start(args);
                case "commitment-query" -> CommitmentQueryService.start(args);
                case "api-gateway" -> GatewayService.start(args);
                case "standalone" -> SpringApplication.run(CommitmentTrackerApplication.class, args);
                default ->
                    throw new IllegalArgumentException("TRACKER_SERVICE must be standalone, commitment-command, "
                            + "commitment-query or api-gateway, not " + service);
            }
        } catch (RuntimeException | Error failed) {
            // A start that failed (Spring has logged why) must end the process, so that a supervisor starts it again.
            // Without this the JVM lived on, serving nothing: Axon 4.13.0's "axon-janitor" thread is not a daemon and
            // is never shut down (AxonFramework#4244, fixed in 4.13.1). The soak saw it when PostgreSQL restarted
            // while an instance was starting (docs/RELIABILITY.md).
            System.err.println("The tracker failed to start: " + failed);
            System.exit(1);
        }
    }
}
