package org.cetdialogue.tracker.gateway.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cetdialogue.tracker.gateway.security.Actor;
import org.cetdialogue.tracker.gateway.security.CurrentActor;
import org.cetdialogue.tracker.gateway.security.OidcSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard page's sign-in: how to sign in ({@code GET /api/sign-in}, public), and who is signed in
 * ({@code GET /api/session}: 200 with name, side and roles, or 401). API clients may ask the latter with their own
 * credentials too.
 */
@RestController
@Tag(name = "Dashboard", description = "The dashboard page's browser session")
public class SessionController {

    /** How the page signs in: {@code password} (POST /login), {@code identity-provider} (go to {@code url}), none. */
    public record SignInMethod(String method, String url) {}

    private final CurrentActor currentActor;
    private final SignInMethod signInMethod;

    public SessionController(
            CurrentActor currentActor,
            ObjectProvider<OidcSignIn> identityProvider,
            @Value("${tracker.security.http-basic.enabled:true}") boolean passwordSignIn) {
        this.currentActor = currentActor;
        if (identityProvider.getIfAvailable() != null) {
            this.signInMethod = new SignInMethod("identity-provider", OidcSignIn.START);
        } else if (passwordSignIn) {
            this.signInMethod = new SignInMethod("password", "/login");
        } else {
            this.signInMethod = new SignInMethod("none", null);
        }
    }

    @GetMapping("/api/session")
    @Operation(summary = "The signed-in user of the browser session (or of the caller's own credentials)")
    public Actor session() {
        return currentActor.get();
    }

    @GetMapping("/api/sign-in")
    @Operation(summary = "How the dashboard page signs in: with a password, or through the identity provider")
    public SignInMethod signIn() {
        return signInMethod;
    }
}
