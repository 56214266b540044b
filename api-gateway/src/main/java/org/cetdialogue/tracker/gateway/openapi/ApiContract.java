package org.cetdialogue.tracker.gateway.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.cetdialogue.tracker.api.audit.ExportPage;
import org.cetdialogue.tracker.api.audit.ReplayProgress;
import org.cetdialogue.tracker.api.query.ActivityEntry;
import org.cetdialogue.tracker.api.query.AreaStatusList;
import org.cetdialogue.tracker.api.query.CommitmentView;
import org.cetdialogue.tracker.api.query.FundingTotals;
import org.cetdialogue.tracker.api.rule.RuleCode;
import org.cetdialogue.tracker.gateway.freshness.FreshnessHeaders;
import org.cetdialogue.tracker.gateway.idempotency.IdempotencyFilter;
import org.cetdialogue.tracker.gateway.stream.StreamMessage;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;

/**
 * What every operation of the document says by rule rather than by annotation: the problem responses it can give,
 * the headers it reads and sends, the media types it really produces, and examples. A new route gets them by matching
 * the rules; a new status or header is one more rule here. {@code DocumentedStatusesIT} fails when the tests observe
 * a status an operation does not document.
 */
final class ApiContract implements OpenApiCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    static final String EVENT_STREAM = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE;
    static final String PROBLEM = "ProblemDetail";
    static final String STREAM_MESSAGE = "StreamMessage";

    private static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;
    private static final String WWW_AUTHENTICATE = HttpHeaders.WWW_AUTHENTICATE;

    /** The problem responses, each with the routes it applies to. */
    private static final List<ProblemRule> PROBLEMS = List.of(
            new ProblemRule(
                    400,
                    "Malformed request: a header, parameter or body is not valid; `errors` lists invalid fields",
                    route -> true),
            new ProblemRule(401, "No valid credentials", Route::secured, WWW_AUTHENTICATE),
            new ProblemRule(403, "The caller's role does not allow this request", Route::secured),
            new ProblemRule(404, "Not found: no such commitment, area, replay or projection", Route::hasPathParameter),
            new ProblemRule(
                    409,
                    "A lifecycle rule is broken (named in `rule`), the commitment exists already, or a request with"
                            + " the same Idempotency-Key is still running",
                    Route::isApiPost),
            new ProblemRule(
                    412,
                    "Version mismatch: the commitment is not at the If-Match version (`rule`)",
                    route -> route.hasParameter("If-Match")),
            new ProblemRule(413, "The request body is too large", Route::hasJsonBody),
            new ProblemRule(415, "The request body is not application/json", Route::hasJsonBody),
            new ProblemRule(
                    422,
                    "A value the contract refuses (`rule` where a rule decided), or an Idempotency-Key reused for"
                            + " another request",
                    Route::isApiPost),
            new ProblemRule(
                    429,
                    "Too many requests, failed sign-ins or open streams: retry after Retry-After seconds",
                    route -> true,
                    RETRY_AFTER),
            new ProblemRule(
                    503,
                    "The store or the identity provider cannot be reached now, a write found its commitment's queue full"
                            + " or, without If-Match, lost the race for it to another instance on every retry"
                            + " (`urn:cet-tracker:problem:writes-overloaded`), a replay's processor was not released by"
                            + " another instance in time (`urn:cet-tracker:problem:replay-blocked`), or a read's"
                            + " projection did not reach its minPosition in time: retry after Retry-After seconds",
                    Route::isApi,
                    RETRY_AFTER));

    /** The data each live stream sends in its {@link #STREAM_MESSAGE} envelope. */
    private static final Map<String, Class<?>> STREAM_DATA = Map.of(
            "/api/stream/areas", AreaStatusList.class,
            "/api/stream/funding", FundingTotals.class,
            "/api/stream/commitments/{id}", CommitmentView.class,
            "/api/stream/activity", ActivityEntry.class);

    /** The dashboard's one connection carries three views; the event's name says which ({@code areas}, …). */
    private static final String DASHBOARD_STREAM = "/api/stream/dashboard";

    private static final List<Class<?>> DASHBOARD_DATA =
            List.of(AreaStatusList.class, FundingTotals.class, ActivityEntry.class);

    private static final Map<String, Header> HEADERS = headers();

    private final boolean passwordSignIn;
    private final AntPathMatcher paths = new AntPathMatcher();

    ApiContract(boolean passwordSignIn) {
        this.passwordSignIn = passwordSignIn;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents();
        // the converters of the document's OpenAPI version, as springdoc uses for the other schemas
        addSchemas(components, ModelConverters.getInstance(api.getSpecVersion() == SpecVersion.V31));
        problemResponses(components);
        if (passwordSignIn) {
            api.getPaths().addPathItem("/login", SignInPaths.login());
            api.getPaths().addPathItem("/logout", SignInPaths.logout());
        }
        Map<String, Object> requestExamples = requestExamples();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    Route route = new Route(path, method, operation);
                    mediaTypes(route);
                    requestHeaders(route);
                    responseHeaders(route);
                    problems(route);
                    examples(route, requestExamples);
                    if (!route.secured()) {
                        operation.setSecurity(List.of(new SecurityRequirement()));
                    }
                }));
        components.getSchemas().remove("ServerSentEventObject");
        components.getSchemas().remove("SseEmitter");
        // sorted, so that the document is the same whatever order the controllers and schemas were found in
        if (api.getTags() != null) {
            api.getTags().sort(Comparator.comparing(Tag::getName));
        }
        components.setSchemas(new TreeMap<>(components.getSchemas()));
    }

    private static void addSchemas(Components components, ModelConverters converters) {
        components.addSchemas(
                "ProblemFieldError",
                new ObjectSchema()
                        .description("One invalid field of the request body")
                        .addProperty(
                                "field", new StringSchema().description("The field's path, e.g. `parties[0].country`"))
                        .addProperty("message", new StringSchema().description("What is wrong with it"))
                        .required(List.of("field", "message")));
        components.addSchemas(
                PROBLEM,
                new ObjectSchema()
                        .description("An RFC 9457 problem detail, with the tracker's extensions `rule` and `errors`")
                        .addProperty(
                                "type",
                                new StringSchema()
                                        .format("uri-reference")
                                        .description("`about:blank`, or `urn:cet-tracker:problem:rule` when a"
                                                + " business rule decided (then `rule` names it)"))
                        .addProperty("title", new StringSchema().description("A short summary of the problem type"))
                        .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                        .addProperty("detail", new StringSchema().description("What went wrong with this request"))
                        .addProperty(
                                "instance",
                                new StringSchema().format("uri-reference").description("The request's path"))
                        .addProperty(
                                "rule",
                                new StringSchema()
                                        ._enum(Arrays.stream(RuleCode.values())
                                                .map(Enum::name)
                                                .toList())
                                        .description(
                                                "The business rule that refused the command (409, 412, 422," + " 404)"))
                        .addProperty(
                                "errors",
                                new ArraySchema()
                                        .items(new Schema<>().$ref("#/components/schemas/ProblemFieldError"))
                                        .description("The invalid fields of the body (400)"))
                        .required(List.of("type", "title", "status")));
        converters.readAll(ActivityEntry.class).forEach(components::addSchemas);
        converters.readAll(ReplayProgress.class).forEach(components::addSchemas);
        // the envelope's fields from the record itself, so that a field added there shows here
        Schema<?> envelope = converters.read(StreamMessage.class).get(STREAM_MESSAGE);
        envelope.description("The data of every live-stream event: the projection's freshness, then the data")
                .required(List.of("rebuilding"));
        Map.of(
                        "position", "Global position of the last event the projection applied",
                        "lag", "Events in the store beyond that position",
                        "rebuilding", "The projection is being rebuilt; `data` is absent",
                        "progress", "While rebuilding: the share done, 0 to 100",
                        "data", "The stream's data (see each stream)")
                .forEach((name, description) -> {
                    Schema<?> property = envelope.getProperties().get(name);
                    if (property == null) {
                        throw new IllegalStateException("StreamMessage has no field " + name);
                    }
                    property.description(description);
                });
        components.addSchemas(STREAM_MESSAGE, envelope);
    }

    /** What the code sends: JSON (not {@code *}{@code /*}), event streams, NDJSON. */
    private void mediaTypes(Route route) {
        ApiResponses responses = route.operation().getResponses();
        responses.forEach((status, response) -> {
            Content content = response.getContent();
            if (content != null && content.containsKey("*/*")) {
                MediaType json = content.remove("*/*");
                content.addMediaType(JSON, json);
            }
        });
        ApiResponse ok = responses.get("200");
        if (ok == null) {
            return;
        }
        if (STREAM_DATA.containsKey(route.path()) || route.path().equals(DASHBOARD_STREAM)) {
            Schema<?> data = route.path().equals(DASHBOARD_STREAM)
                    ? new Schema<>()
                            .oneOf(DASHBOARD_DATA.stream()
                                    .<Schema>map(type -> ref(type.getSimpleName()))
                                    .toList())
                    : ref(STREAM_DATA.get(route.path()).getSimpleName());
            Schema<?> envelope =
                    new Schema<>().allOf(List.of(ref(STREAM_MESSAGE), new ObjectSchema().addProperty("data", data)));
            ok.description(
                            route.path().equals(DASHBOARD_STREAM)
                                    ? "An event stream of the views `areas`, `funding` and `activity` (the event's name),"
                                            + " each first with its current state, then every change; each event's data is a"
                                            + " StreamMessage"
                                    : "An event stream: the current state first, then every change; each event's data is a"
                                            + " StreamMessage")
                    .content(new Content().addMediaType(EVENT_STREAM, new MediaType().schema(envelope)));
        } else if (ok.getContent() != null && ok.getContent().containsKey(EVENT_STREAM)) {
            ok.description("An event stream of `progress` events, each a ReplayProgress, closed when the replay ends")
                    .content(new Content()
                            .addMediaType(
                                    EVENT_STREAM, new MediaType().schema(ref(ReplayProgress.class.getSimpleName()))));
        } else if (route.path().equals("/api/audit/export")) {
            ok.description("The history as CloudEvents 1.0, one JSON object per line, in global order, with the hash"
                            + " chain's links and the signed checkpoints")
                    .content(new Content()
                            .addMediaType(
                                    ExportPage.MEDIA_TYPE,
                                    new MediaType()
                                            .schema(new StringSchema()
                                                    .description("Lines of JSON CloudEvents, each ending in \\n"))
                                            .example("""
                                                    {"specversion":"1.0","id":"…","source":"urn:cet-tracker","type":"…"}
                                                    """)));
            ok.addHeaderObject(HttpHeaders.CONTENT_DISPOSITION, HEADERS.get(HttpHeaders.CONTENT_DISPOSITION));
        }
    }

    private static void requestHeaders(Route route) {
        if (route.isApiPost()) {
            route.operation()
                    .addParametersItem(new HeaderParameter()
                            .name(IdempotencyFilter.HEADER)
                            .required(false)
                            .description("Makes a retry safe: the first answer is stored and a retry with the same"
                                    + " key and request gets it again (with Idempotent-Replayed: true); the same key"
                                    + " with another request is 422")
                            .schema(new StringSchema().pattern(IdempotencyFilter.KEY_PATTERN)));
        }
        for (Parameter parameter : parameters(route.operation())) {
            if (parameter.getDescription() != null || !"header".equals(parameter.getIn())) {
                continue;
            }
            switch (parameter.getName()) {
                case "If-Match" ->
                    parameter.description(
                            "Only if the commitment is at this version: its ETag, e.g. `\"3\"` (else 412)");
                case "X-Correlation-Id" ->
                    parameter.description(
                            "Ties the event to the caller's own request id (recorded with the event; 1 to 100 letters, digits"
                                    + " or . _ : -); a new one if absent");
                case "Last-Event-ID" ->
                    parameter.description("Resume after this global position (EventSource sends it on reconnecting)");
                default -> {}
            }
        }
    }

    private void responseHeaders(Route route) {
        route.operation().getResponses().forEach((status, response) -> {
            if (status.equals("201") || status.equals("202")) {
                response.addHeaderObject(HttpHeaders.LOCATION, HEADERS.get(HttpHeaders.LOCATION));
            }
            if (status.startsWith("2") && route.isApiPost()) {
                response.addHeaderObject("Idempotent-Replayed", HEADERS.get("Idempotent-Replayed"));
            }
        });
        ApiResponse ok = route.operation().getResponses().get("200");
        if (ok == null || route.method() != PathItem.HttpMethod.GET) {
            return;
        }
        if (route.path().equals("/api/commitments/{id}")) {
            ok.addHeaderObject(HttpHeaders.ETAG, HEADERS.get(HttpHeaders.ETAG));
        }
        if (FreshnessHeaders.STAMPED.keySet().stream().anyMatch(pattern -> paths.match(pattern, route.path()))) {
            for (String header : List.of(FreshnessHeaders.POSITION, FreshnessHeaders.LAG, FreshnessHeaders.STATE)) {
                ok.addHeaderObject(header, HEADERS.get(header));
            }
        }
        if (route.path().equals("/api/audit/public-key")) {
            ok.addHeaderObject("X-Key-Id", HEADERS.get("X-Key-Id"));
        }
    }

    /**
     * The rules' problem responses, each once under {@code components/responses} (named after its status, e.g.
     * {@code NotFound}) and referred to by every operation it applies to.
     */
    private static void problemResponses(Components components) {
        for (ProblemRule rule : PROBLEMS) {
            ApiResponse response = new ApiResponse()
                    .description(rule.description())
                    .content(new Content()
                            .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType().schema(ref(PROBLEM)).example(ProblemExamples.of(rule.status()))));
            for (String header : rule.headers()) {
                response.addHeaderObject(header, HEADERS.get(header));
            }
            components.addResponses(rule.name(), response);
        }
    }

    private static void problems(Route route) {
        ApiResponses responses = route.operation().getResponses();
        for (ProblemRule rule : PROBLEMS) {
            String status = Integer.toString(rule.status());
            if (rule.applies().test(route) && !responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + rule.name()));
            }
        }
        // a 204 has no body, whatever the handler's return type says
        if (responses.get("204") != null) {
            responses.get("204").setContent(null);
        }
        // the responses in status order, so that the document reads (and compares) the same every time
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        route.operation().setResponses(sorted);
    }

    private static void examples(Route route, Map<String, Object> requestExamples) {
        RequestBody body = route.operation().getRequestBody();
        if (body == null || body.getContent() == null) {
            return;
        }
        body.getContent().forEach((type, media) -> {
            String ref = media.getSchema() == null ? null : media.getSchema().get$ref();
            if (ref != null && media.getExample() == null) {
                Object example = requestExamples.get(ref.substring(ref.lastIndexOf('/') + 1));
                if (example != null) {
                    media.addExamples("example", new Example().value(example));
                }
            }
        });
    }

    /** Request bodies by schema name, from {@code openapi/request-examples.json}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> requestExamples() {
        try (InputStream in = new ClassPathResource("openapi/request-examples.json").getInputStream()) {
            return Json.mapper().readValue(in, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : new ArrayList<>(operation.getParameters());
    }

    private static Schema<?> ref(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(RETRY_AFTER, header("Seconds to wait before retrying", new IntegerSchema()));
        headers.put(WWW_AUTHENTICATE, header("The challenge: Basic or Bearer, realm cet-tracker", new StringSchema()));
        headers.put(HttpHeaders.LOCATION, header("Where the created resource is read", new StringSchema()));
        headers.put(
                HttpHeaders.ETAG,
                header("The commitment's version, quoted: send it back as If-Match", new StringSchema()));
        headers.put(
                HttpHeaders.CONTENT_DISPOSITION,
                header("attachment; filename=\"cet-tracker-history.ndjson\"", new StringSchema()));
        headers.put(
                "Idempotent-Replayed",
                header(
                        "`true` when this is the stored answer to an earlier request with the"
                                + " same Idempotency-Key",
                        new StringSchema()._enum(List.of("true"))));
        headers.put(
                FreshnessHeaders.POSITION,
                header(
                        "Global position of the last event the projection applied",
                        new IntegerSchema().format("int64")));
        headers.put(
                FreshnessHeaders.LAG,
                header("Events in the store beyond that position", new IntegerSchema().format("int64")));
        headers.put(FreshnessHeaders.STATE, header("`current`, or `rebuilding, N%`", new StringSchema()));
        headers.put("X-Key-Id", header("The id of the signing key", new StringSchema()));
        return Map.copyOf(headers);
    }

    private static Header header(String description, Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }

    /** An operation of the document, with the facts the rules ask about. */
    record Route(String path, PathItem.HttpMethod method, Operation operation) {

        boolean isApi() {
            return path.startsWith("/api/");
        }

        boolean isApiPost() {
            return isApi() && method == PathItem.HttpMethod.POST;
        }

        boolean hasJsonBody() {
            return isApi() && operation.getRequestBody() != null;
        }

        boolean hasPathParameter() {
            return path.contains("{");
        }

        boolean hasParameter(String name) {
            return parameters(operation).stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()));
        }

        /** Every route needs credentials but the sign-in ones. */
        boolean secured() {
            return !SignInPaths.PUBLIC.contains(path);
        }
    }

    /** A problem response and the routes it applies to. */
    record ProblemRule(int status, String description, Predicate<Route> applies, String... headers) {

        /** The status's reason phrase in one word: {@code NotFound}, {@code TooManyRequests}. */
        String name() {
            return HttpStatus.valueOf(status).getReasonPhrase().replaceAll("[^A-Za-z]", "");
        }
    }
}
