package org.cetdialogue.tracker.gateway.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cetdialogue.tracker.gateway.security.Actor;
import org.cetdialogue.tracker.gateway.security.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the dashboard page is signed in as: 200 with name, side and roles, or 401 when it is not. */
@RestController
@Tag(name = "Dashboard", description = "The dashboard page's browser session")
public class SessionController {

    private final CurrentActor currentActor;

    public SessionController(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @GetMapping("/api/session")
    @Operation(summary = "The signed-in user of the browser session")
    public Actor session() {
        return currentActor.get();
    }
}
