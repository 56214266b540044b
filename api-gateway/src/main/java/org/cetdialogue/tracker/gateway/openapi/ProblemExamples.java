package org.cetdialogue.tracker.gateway.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An example problem for each status the document lists, as the tracker writes them. */
final class ProblemExamples {

    private ProblemExamples() {}

    static Map<String, Object> of(int status) {
        return switch (status) {
            case 400 ->
                problem(
                        "about:blank",
                        "Invalid request",
                        status,
                        "The request has invalid fields.",
                        Map.of("errors", List.of(Map.of("field", "signedOn", "message", "must not be null"))));
            case 401 ->
                problem("about:blank", "Authentication required", status, "Sign in with HTTP Basic credentials.");
            case 403 -> problem("about:blank", "Forbidden", status, "Your role does not allow this request.");
            case 404 -> problem("about:blank", "Not found", status, "no commitment nsf-msit-bioeconomy");
            case 409 -> rule("Lifecycle rule broken", status, "MOU_ALREADY_SIGNED", "the MOU was signed already");
            case 412 -> rule("Version mismatch", status, "VERSION_CONFLICT", "the commitment is at version 4, not 3");
            case 413 ->
                problem("about:blank", "Body too large", status, "A request body may hold at most 262144 bytes.");
            case 415 ->
                problem("about:blank", "Unsupported Media Type", status, "Content-Type 'text/plain' is not supported.");
            case 422 -> rule("Invalid value", status, "EFFECTIVE_DATE_IN_FUTURE", "signedOn must not be in the future");
            case 429 -> problem("about:blank", "Too many requests", status, "Too many requests. Retry in 3 s.");
            case 503 ->
                problem(
                        "about:blank",
                        "Store unavailable",
                        status,
                        "The database could not be reached. Try again shortly.");
            default -> throw new IllegalArgumentException("no example problem for " + status);
        };
    }

    private static Map<String, Object> rule(String title, int status, String rule, String detail) {
        return problem("urn:cet-tracker:problem:rule", title, status, detail, Map.of("rule", rule));
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        return problem(type, title, status, detail, Map.of());
    }

    private static Map<String, Object> problem(
            String type, String title, int status, String detail, Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(extensions);
        return problem;
    }
}
