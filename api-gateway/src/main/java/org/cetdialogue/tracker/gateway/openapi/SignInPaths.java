package org.cetdialogue.tracker.gateway.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Set;

/**
 * The dashboard's password sign-in, answered by Spring Security's filters rather than a controller, so springdoc does
 * not see it: {@code POST /login} (form fields, 204 with the session cookie, or 401) and {@code POST /logout}.
 */
final class SignInPaths {

    static final String TAG = "Dashboard";

    /** The routes that need no credentials. */
    static final Set<String> PUBLIC = Set.of("/login", "/logout", "/api/sign-in");

    private SignInPaths() {}

    static PathItem login() {
        Schema<?> form = new ObjectSchema()
                .addProperty("username", new StringSchema().example("viewer"))
                .addProperty("password", new StringSchema().format("password").example("viewer-demo"))
                .required(List.of("username", "password"));
        Operation login = new Operation()
                .tags(List.of(TAG))
                .operationId("signInWithPassword")
                .summary("Sign the dashboard page in with a password; the session cookie grants reads only")
                .requestBody(new RequestBody()
                        .required(true)
                        .content(new Content()
                                .addMediaType(
                                        org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                        new MediaType().schema(form))))
                .responses(new ApiResponses()
                        .addApiResponse(
                                "204",
                                new ApiResponse()
                                        .description("Signed in: the session cookie is set")
                                        .addHeaderObject(
                                                "Set-Cookie",
                                                new Header()
                                                        .description("TRACKER_SESSION, HttpOnly, SameSite=Strict")
                                                        .schema(new StringSchema())))
                        .addApiResponse(
                                "401",
                                new ApiResponse()
                                        .description("Unknown user or wrong password")
                                        .content(new Content()
                                                .addMediaType(
                                                        ApiContract.PROBLEM_JSON,
                                                        new MediaType()
                                                                .schema(new Schema<>()
                                                                        .$ref("#/components/schemas/"
                                                                                + ApiContract.PROBLEM))
                                                                .example(ProblemExamples.of(401)))))
                        .addApiResponse("403", crossSite()));
        return new PathItem().post(login);
    }

    static PathItem logout() {
        Operation logout = new Operation()
                .tags(List.of(TAG))
                .operationId("signOut")
                .summary("Sign the dashboard page out: the session ends and its streams close")
                .responses(new ApiResponses()
                        .addApiResponse(
                                "204", new ApiResponse().description("Signed out (also when no one was signed in)"))
                        .addApiResponse(
                                "200",
                                new ApiResponse()
                                        .description("Signed out of a session from the identity provider (`jwt`"
                                                + " profile): the page continues at the provider's end-session"
                                                + " address to end the provider's session too")
                                        .content(new Content()
                                                .addMediaType(
                                                        ApiContract.JSON,
                                                        new MediaType()
                                                                .schema(new ObjectSchema()
                                                                        .addProperty(
                                                                                "continueAt",
                                                                                new StringSchema().format("uri")))
                                                                .example(java.util.Map.of(
                                                                        "continueAt",
                                                                        "https://id.example/session/end")))))
                        .addApiResponse("403", crossSite()));
        return new PathItem().post(logout);
    }

    /** A sign-in or sign-out sent from another site (its Sec-Fetch-Site, Origin or Referer says so). */
    private static ApiResponse crossSite() {
        return new ApiResponse()
                .description("Refused: the request came from another site (Sec-Fetch-Site, Origin or Referer)")
                .content(new Content()
                        .addMediaType(
                                ApiContract.PROBLEM_JSON,
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + ApiContract.PROBLEM))
                                        .example(ProblemExamples.of(403))));
    }
}
