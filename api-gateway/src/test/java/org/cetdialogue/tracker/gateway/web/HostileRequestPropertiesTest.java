package org.cetdialogue.tracker.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.US_SECRETARIAT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.cetdialogue.tracker.query.audit.StoredEvents;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Property-based attacks on every write endpoint, the list of which is read from the running application's handler
 * mappings (every POST under {@code /api}): hostile bodies, headers (ASCII, and bytes beyond it sent on a raw socket)
 * and ids. Whatever is generated, the answer is a 4xx {@code application/problem+json}, never a 5xx, and the event
 * store holds exactly what it held before: the same number of events and the same head position. Each request is
 * built from a body that would be accepted, then broken in one way, so that a hole in validation shows up as a
 * stored event. The strict-JSON cases (content after the value, duplicate keys, loose enums and booleans, dates and
 * amounts outside their grammar, invisible text) are also tried exhaustively, every case on every endpoint. One
 * running tracker serves the whole class.
 */
class HostileRequestPropertiesTest {

    private static final String ID = "quantum-property-mou";
    private static final List<String> AUDIT_FIELDS =
            List.of("author", "timestamp", "eventId", "version", "username", "side", "recordedAt", "sequenceNumber");

    static Path dataDirectory;
    static RunningTracker tracker;
    static TrackerClient client;
    static List<String> writeEndpoints;
    /** The write endpoints a secretariat may use: those that store events. */
    static List<String> commitmentEndpoints;

    @BeforeContainer
    static void start() throws IOException {
        dataDirectory = Files.createTempDirectory("hostile-properties");
        tracker = RunningTracker.start(
                dataDirectory, "tracker.seed.enabled=false", "tracker.rate-limit.requests-per-user.permits=1000000");
        client = tracker.client();
        assertThat(client.post(US_SECRETARIAT, "/api/commitments", Bodies.mou(ID))
                        .status())
                .isEqualTo(201);
        RequestMappingHandlerMapping mapping =
                tracker.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        writeEndpoints = mapping.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.POST))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/"))
                .distinct()
                .sorted()
                .toList();
        assertThat(writeEndpoints).contains("/api/commitments", "/api/commitments/{id}/funding/pledges");
        commitmentEndpoints = writeEndpoints.stream()
                .filter(e -> e.startsWith("/api/commitments"))
                .toList();
    }

    @AfterContainer
    static void stop() throws IOException {
        tracker.close();
        FileSystemUtils.deleteRecursively(dataDirectory);
    }

    /** A body the endpoint would accept for a freshly proposed MOU (or refuse by a lifecycle rule). */
    static String validBody(String endpoint) {
        String last = endpoint.substring(endpoint.lastIndexOf('/') + 1);
        return switch (last) {
            case "commitments" ->
                endpoint.equals("/api/commitments")
                        ? Bodies.mou("quantum-property-new")
                        : Bodies.pledge("\"100\"", "\"USD\"");
            case "signature" -> "{\"signedOn\":\"2024-03-01\"}";
            case "launch" -> "{\"launchedOn\":\"2024-04-02\",\"note\":\"n\"}";
            case "milestones" -> "{\"description\":\"d\",\"achievedOn\":\"2024-06-20\"}";
            case "pledges", "disbursements" -> Bodies.pledge("\"100\"", "\"USD\"");
            case "status" -> "{\"change\":\"IMPLEMENTING\",\"effectiveOn\":\"2024-05-01\"}";
            case "completion" -> "{\"completedOn\":\"2024-06-01\"}";
            case "cancellation" -> "{\"cancelledOn\":\"2024-06-01\",\"reason\":\"r\"}";
            case "corrections" -> "{\"correctedSequence\":0,\"reason\":\"r\",\"titleEn\":\"New title\"}";
            default -> "{}";
        };
    }

    static String path(String endpoint, String id) {
        return endpoint.replace("{id}", id).replaceAll("\\{[^}]*}", "x");
    }

    record HostileBody(String endpoint, Mutation mutation, byte[] body) {
        @Override
        public String toString() {
            return mutation + " " + endpoint + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    enum Mutation {
        AUDIT_FIELD,
        UNKNOWN_FIELD,
        TRUNCATED,
        BAD_DATE,
        BAD_AMOUNT,
        BAD_CURRENCY,
        INVALID_UTF8,
        TOO_DEEP,
        TOO_LONG_STRING,
        WRONG_TYPE,
        GARBAGE,
        TRAILING_CONTENT,
        DUPLICATE_KEY,
        ENUM_COERCION,
        BOOLEAN_COERCION,
        FAR_DATE,
        AMOUNT_GRAMMAR,
        INVISIBLE_TEXT
    }

    /** Content after one JSON value: {@code {…} xyz}, {@code {…}}}, two objects back to back. */
    static final List<String> TRAILERS =
            List.of(" xyz", "}", "]", " 1", "null", "[]", "\"\"", "{}", " true", "\n\u0000");

    /** Enum values that only a lenient mapper reads: positions, trimmed or padded names, other cases. */
    static final List<String> LOOSE_ENUMS = List.of(
            "0",
            "1",
            "2",
            "1.0",
            "\"0\"",
            "\" %s\"",
            "\"%s \"",
            "\"%s\\u0000\"",
            "\"%s\\u0000\\u0000\"",
            "\"\\t%s\"",
            "\"%s\\n\"",
            "lower",
            "\"\"",
            "true",
            "[\"%s\"]");

    /** lowerBound values that are not JSON booleans. */
    static final List<String> NOT_BOOLEANS =
            List.of("123", "0", "1", "\"\"", "\"true\"", "\"false\"", "\" true\"", "1.0", "\"yes\"", "[]", "{}");

    /** Dates outside yyyy-MM-dd with a four-digit year from 1900-01-01 to 9999-12-31. */
    static final List<String> FAR_DATES = List.of(
            "-0001-01-01",
            "0000-01-01",
            "+99999-01-01",
            "+2024-01-01",
            "10000-01-01",
            "1899-12-31",
            "0001-01-01",
            "0999-01-01",
            " 2024-06-20",
            "2024-06-20 ",
            "2024-06-20\\u0000",
            "2024-6-20",
            "2024-06-20Z",
            "2024-W25-4",
            "2024-172",
            "\uff12\uff10\uff12\uff14-06-20",
            "\u0662\u0660\u0662\u0664-06-20");

    /** Amounts outside ^(0|[1-9][0-9]{0,15})(\.[0-9]{1,4})?$, as strings or JSON numbers. */
    static final List<String> LOOSE_AMOUNTS = List.of(
            "\"1e3\"",
            "\"1E3\"",
            "1e3",
            "1E+2",
            "1.5e1",
            "1.5e2",
            "\" 10\"",
            "\"10 \"",
            "\"+10\"",
            "\"-10\"",
            "-0",
            "\"010\"",
            "\"1.\"",
            "\".5\"",
            "\"1,000\"",
            "\"1_000\"",
            "\"0x10\"",
            "\"\u0661\u0660\"",
            "\"\uff11\uff10\"",
            "\"10\\u0000\"",
            "\"\"",
            "\"NaN\"",
            "\"Infinity\"",
            "\"12345678901234567\"",
            "\"1.23456\"");

    /** Characters that are not visible: zero-width, format, space separators and fillers. */
    static final String INVISIBLES =
            "\u200b\u200c\u200d\u2060\ufeff\u00a0\u2007\u202f\u3000\u3164\u115f\u1160\u2800\u202e\u2028\u180e \t";

    @Provide
    Arbitrary<HostileBody> hostileBodies() {
        return Combinators.combine(
                        Arbitraries.of(writeEndpoints),
                        Arbitraries.of(Mutation.class),
                        Arbitraries.strings().ofMaxLength(40),
                        Arbitraries.integers().between(0, 1_000_000))
                .as((anyEndpoint, mutation, text, n) -> {
                    String endpoint = retarget(anyEndpoint, mutation);
                    String valid = validBody(endpoint);
                    byte[] hostile = mutate(valid, mutation, text, n);
                    // a mutation with nothing to change in this body (no date in a correction) adds an audit field
                    return Arrays.equals(hostile, utf8(valid))
                            ? new HostileBody(
                                    endpoint, Mutation.AUDIT_FIELD, mutate(valid, Mutation.AUDIT_FIELD, text, n))
                            : new HostileBody(endpoint, mutation, hostile);
                });
    }

    /**
     * The endpoint a mutation is tried on: one whose body has what the mutation breaks (an enum, a required text, an
     * amount), so that the refusal is for the broken value and not for an unknown field.
     */
    static String retarget(String endpoint, Mutation mutation) {
        String body = validBody(endpoint);
        return switch (mutation) {
            case ENUM_COERCION -> ENUM_FIELD.matcher(body).find() ? endpoint : "/api/commitments";
            case INVISIBLE_TEXT -> TEXT_FIELD.matcher(body).find() ? endpoint : "/api/commitments";
            case BOOLEAN_COERCION, AMOUNT_GRAMMAR ->
                body.contains("\"currency\"") ? endpoint : "/api/commitments/{id}/funding/pledges";
            default -> endpoint;
        };
    }

    static byte[] mutate(String body, Mutation mutation, String text, int n) {
        String json = quote(text);
        boolean funding = body.contains("\"currency\"");
        return switch (mutation) {
            case AUDIT_FIELD ->
                utf8(body.replaceFirst("\\{", "{\"" + AUDIT_FIELDS.get(n % AUDIT_FIELDS.size()) + "\":" + json + ","));
            case UNKNOWN_FIELD -> utf8(body.replaceFirst("\\{", "{\"x" + n + "\":" + json + ","));
            case TRUNCATED -> utf8(body.substring(0, n % body.lastIndexOf('}')));
            case BAD_DATE ->
                utf8(body.replaceFirst(
                        "\"\\d{4}-\\d{2}-\\d{2}\"",
                        List.of(
                                        quote(text + "x"),
                                        "\"2024-02-30\"",
                                        "\"2023-13-01\"",
                                        "\"2024-1-1\"",
                                        String.valueOf(n),
                                        "\"2024-05-01T00:00:00\"",
                                        "[2024,5,1]")
                                .get(n % 7)));
            case BAD_AMOUNT ->
                funding
                        ? utf8(body.replaceFirst(
                                "\"amount\":\"100\"",
                                "\"amount\":"
                                        + List.of(
                                                        "-" + (n + 1),
                                                        "0",
                                                        "\"-0.01\"",
                                                        "1e" + (400 + n),
                                                        "1" + "0".repeat(20 + n % 40),
                                                        "\"100.00001\"",
                                                        "\"abc\"",
                                                        "true",
                                                        "[]",
                                                        "null",
                                                        "\"NaN\"",
                                                        "\"Infinity\"")
                                                .get(n % 12)))
                        : utf8(body.replaceFirst("\\{", "{\"amount\":-" + n + ","));
            case BAD_CURRENCY ->
                funding
                        ? utf8(body.replace(
                                "\"USD\"",
                                List.of(
                                                "\"usd\"",
                                                "\"XXQ\"",
                                                "\"\"",
                                                "\"US\"",
                                                "\"USDX\"",
                                                quote(text.toLowerCase(Locale.ROOT) + "q"),
                                                "1")
                                        .get(n % 7)))
                        : utf8(body.replaceFirst("\\{", "{\"currency\":\"usd\","));
            case INVALID_UTF8 -> invalidUtf8(body, n);
            case TOO_DEEP -> utf8("[".repeat(33 + n % 500) + body + "]".repeat(33 + n % 500));
            case TOO_LONG_STRING -> utf8(body.replaceFirst("\\{", "{\"x\":\"" + "a".repeat(10_001 + n % 5000) + "\","));
            case WRONG_TYPE ->
                utf8(body.replaceFirst(
                        ":\"[^\"]*\"",
                        ":" + List.of("{}", "[]", "1.5", "false", "{\"a\":1}").get(n % 5)));
            case GARBAGE -> utf8(text.isBlank() || text.equals("{}") ? "}" + text : text + "{");
            case TRAILING_CONTENT -> utf8(n % 3 == 0 ? body + body : body + TRAILERS.get(n % TRAILERS.size()));
            case DUPLICATE_KEY -> duplicateKey(body, text, n);
            case ENUM_COERCION -> looseEnum(body, n);
            case BOOLEAN_COERCION ->
                utf8(body.replaceFirst("\\{", "{\"lowerBound\":" + NOT_BOOLEANS.get(n % NOT_BOOLEANS.size()) + ","));
            case FAR_DATE ->
                utf8(body.replaceFirst(
                        "\"\\d{4}-\\d{2}-\\d{2}\"",
                        Matcher.quoteReplacement("\"" + FAR_DATES.get(n % FAR_DATES.size()) + "\"")));
            case AMOUNT_GRAMMAR -> {
                String amount = LOOSE_AMOUNTS.get(n % LOOSE_AMOUNTS.size());
                yield funding
                        ? utf8(body.replace("\"amount\":\"100\"", "\"amount\":" + amount))
                        : utf8(body.replaceFirst("\\{", Matcher.quoteReplacement("{\"amount\":" + amount + ",")));
            }
            case INVISIBLE_TEXT -> invisibleText(body, n);
        };
    }

    /**
     * A key of the body repeated: the second value null, the same, another string or another type, at the end or
     * straight after the first.
     */
    private static byte[] duplicateKey(String body, String text, int n) {
        Matcher keys = Pattern.compile("\"([A-Za-z]+)\":").matcher(body);
        List<String> names = keys.results().map(m -> m.group(1)).distinct().toList();
        if (names.isEmpty()) {
            return utf8(body);
        }
        String key = names.get(n % names.size());
        String second = List.of("null", "\"\"", quote(text), "1", "[]", "{}").get(n % 6);
        String duplicate = "\"" + key + "\":" + second;
        return utf8(
                n % 2 == 0
                        ? body.substring(0, body.lastIndexOf('}')) + "," + duplicate + "}"
                        : body.replaceFirst(
                                Pattern.quote("\"" + key + "\":"),
                                Matcher.quoteReplacement(duplicate + ",\"" + key + "\":")));
    }

    private static final Pattern ENUM_FIELD = Pattern.compile("\"(area|kind|country|role|change)\":\"([A-Z]+)\"");

    /** An enum of the body written as a lenient mapper would read it. */
    private static byte[] looseEnum(String body, int n) {
        List<MatchResult> fields = ENUM_FIELD.matcher(body).results().toList();
        MatchResult chosen = fields.get(n % fields.size());
        String loose = LOOSE_ENUMS.get(n % LOOSE_ENUMS.size());
        String value = loose.equals("lower")
                ? "\"" + chosen.group(2).toLowerCase(Locale.ROOT) + "\""
                : loose.formatted(chosen.group(2));
        return utf8(body.substring(0, chosen.start()) + "\"" + chosen.group(1) + "\":" + value
                + body.substring(chosen.end()));
    }

    private static final Pattern TEXT_FIELD =
            Pattern.compile("\"(titleEn|titleKo|nameEn|nameKo|description|funder|reason)\":\"([^\"]*)\"");

    /** A required text of the body made only of invisible characters. */
    private static byte[] invisibleText(String body, int n) {
        List<MatchResult> fields = TEXT_FIELD.matcher(body).results().toList();
        MatchResult chosen = fields.get(n % fields.size());
        StringBuilder blank = new StringBuilder();
        for (int i = 0, length = 1 + n % 5; i < length; i++) {
            blank.append(INVISIBLES.charAt((n / (i + 1)) % INVISIBLES.length()));
        }
        String value = n % 2 == 0 ? escaped(blank.toString()) : quote(blank.toString());
        return utf8(body.substring(0, chosen.start()) + "\"" + chosen.group(1) + "\":" + value
                + body.substring(chosen.end()));
    }

    /** The text as a JSON string with every character escaped as {@code \\uXXXX}. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.append('"').toString();
    }

    private static byte[] invalidUtf8(String body, int n) {
        byte[] bytes = utf8(body);
        int at = body.indexOf(':') + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}};
        out.writeBytes(broken[n % broken.length]);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    @Property(tries = 100)
    void hostileBodiesAreRefusedAsProblemsAndStoreNothing(@ForAll("hostileBodies") HostileBody request) {
        Store before = Store.now();
        Response response = client.postBytes(US_SECRETARIAT, path(request.endpoint(), ID), request.body(), false);

        assertRefused(before, response, request.toString());
    }

    /** The strict-JSON mutations, each with how many distinct cases it has. */
    static final Map<Mutation, Integer> STRICT_CASES = Map.of(
            Mutation.TRAILING_CONTENT,
            TRAILERS.size() * 3,
            Mutation.DUPLICATE_KEY,
            12,
            Mutation.ENUM_COERCION,
            LOOSE_ENUMS.size() * 4,
            Mutation.BOOLEAN_COERCION,
            NOT_BOOLEANS.size(),
            Mutation.FAR_DATE,
            FAR_DATES.size(),
            Mutation.AMOUNT_GRAMMAR,
            LOOSE_AMOUNTS.size(),
            Mutation.INVISIBLE_TEXT,
            40);

    /**
     * Every case of every strict-JSON mutation on every endpoint that stores events (those a mutation cannot apply to are tried
     * where it can: an enum on a proposal, an amount on a pledge), each distinct request once.
     */
    @Provide
    Arbitrary<HostileBody> everyStrictCase() {
        java.util.LinkedHashMap<String, HostileBody> cases = new java.util.LinkedHashMap<>();
        for (String anyEndpoint : commitmentEndpoints) {
            STRICT_CASES.forEach((mutation, count) -> {
                String endpoint = retarget(anyEndpoint, mutation);
                String valid = validBody(endpoint);
                for (int n = 0; n < count; n++) {
                    byte[] hostile = mutate(valid, mutation, "x", n);
                    if (!Arrays.equals(hostile, utf8(valid))) {
                        cases.putIfAbsent(
                                endpoint + " " + new String(hostile, StandardCharsets.UTF_8),
                                new HostileBody(endpoint, mutation, hostile));
                    }
                }
            });
        }
        return Arbitraries.of(List.copyOf(cases.values()));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 3000)
    void everyStrictJsonCaseIsRefusedAsAProblemAndStoresNothing(@ForAll("everyStrictCase") HostileBody request) {
        Store before = Store.now();
        Response response = client.postBytes(US_SECRETARIAT, path(request.endpoint(), ID), request.body(), false);

        assertRefused(before, response, request.toString());
        assertThat(response.status()).as(request + " -> " + response).isEqualTo(400);
    }

    /** Instants outside yyyy-MM-ddTHH:mm:ss with a zone, four-digit years, 1900-01-01 to 9999-12-31 in UTC. */
    static final List<String> FAR_INSTANTS = List.of(
            "+99999-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "+2024-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z",
            "1900-01-01T00:00:00+01:00",
            "9999-12-31T23:00:00-05:00",
            "2024-06-20T09:00:00",
            "2024-06-20T25:00:00Z",
            "2024-02-30T09:00:00Z",
            " 2024-06-20T09:00:00Z",
            "2024-06-20T09:00:00Z ",
            "1718874000",
            "\uff12\uff10\uff12\uff14-06-20T09:00:00Z");

    /** Every date or instant query parameter the API reads, on a path that reads it. */
    static final Map<String, String> DATE_PARAMETERS = Map.of(
            "effective", "/api/audit/as-of/commitments/" + ID,
            "recorded", "/api/audit/as-of/areas",
            "recordedFrom", "/api/audit/events",
            "recordedTo", "/api/audit/events");

    record HostileQuery(String path, String parameter, String value) {}

    @Provide
    Arbitrary<HostileQuery> everyFarDateParameter() {
        List<HostileQuery> queries = new java.util.ArrayList<>();
        DATE_PARAMETERS.forEach((parameter, path) -> {
            for (String value : FAR_DATES) {
                queries.add(new HostileQuery(path, parameter, value));
            }
            for (String value : FAR_INSTANTS) {
                queries.add(new HostileQuery(path, parameter, value));
            }
            // the as-of of a commitment reads recorded too, and the areas effective
            String other = path.startsWith("/api/audit/as-of/commitments") ? "recorded" : "effective";
            if (path.startsWith("/api/audit/as-of")) {
                queries.add(new HostileQuery(path, other, "+99999-01-01"));
            }
        });
        return Arbitraries.of(queries);
    }

    /**
     * The date rule of request bodies holds for query parameters too: every date or instant the audit endpoints read
     * outside it is a 400 problem that names the parameter, never a 5xx, and nothing is stored.
     */
    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 300)
    void everyDateQueryParameterOutsideTheRuleIsA400NamingIt(@ForAll("everyFarDateParameter") HostileQuery query) {
        Store before = Store.now();
        Response response = client.get(
                TrackerClient.AUDITOR,
                query.path() + "?" + query.parameter() + "="
                        + URLEncoder.encode(query.value(), StandardCharsets.UTF_8));

        assertRefused(before, response, query.toString());
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
        assertThat(response.json().get("detail").asText())
                .as(query + " -> " + response)
                .contains(query.parameter());
    }

    @Property(tries = 1)
    void theEndsOfTheDateRangeAreAcceptedInQueryParameters() {
        assertThat(client.get(TrackerClient.AUDITOR, "/api/audit/events?recordedFrom=1900-01-01&recordedTo=9999-12-31")
                        .status())
                .isEqualTo(200);
        assertThat(client.get(
                                TrackerClient.AUDITOR,
                                "/api/audit/events?recordedFrom=1900-01-01T00:00:00Z&recordedTo=9999-12-31T23:59:59Z")
                        .status())
                .isEqualTo(200);
        assertThat(client.get(
                                TrackerClient.AUDITOR,
                                "/api/audit/as-of/commitments/" + ID + "?effective=9999-12-31&recorded=9999-12-31")
                        .status())
                .isEqualTo(200);
        assertThat(client.get(TrackerClient.AUDITOR, "/api/audit/as-of/areas?effective=1900-01-01&recorded=1900-01-01")
                        .status())
                .isEqualTo(200);
    }

    record HostileHeader(String endpoint, String name, String value) {}

    private static final Pattern VALID_TAG = Pattern.compile("^(?:W/)?\"(\\d{1,18})\"$");
    private static final Pattern SAFE_TOKEN = Pattern.compile("^[A-Za-z0-9._:-]{1,100}$");

    @Provide
    Arbitrary<HostileHeader> hostileHeaders() {
        Arbitrary<String> values = Arbitraries.strings()
                .withCharRange(' ', '~')
                .ofMinLength(1)
                .ofMaxLength(250)
                .filter(v -> v.equals(v.trim()) && !v.isEmpty());
        return Combinators.combine(
                        Arbitraries.of(writeEndpoints),
                        Arbitraries.of("If-Match", "X-Correlation-Id", "Idempotency-Key", "Content-Type"),
                        values)
                .as(HostileHeader::new)
                .filter(HostileRequestPropertiesTest::isInvalid);
    }

    /** Keeps only values the tracker must refuse, so that an accepted request means a hole. */
    static boolean isInvalid(HostileHeader header) {
        String value = header.value();
        return switch (header.name()) {
            // a create has no version to match, so it reads no If-Match
            case "If-Match" ->
                !header.endpoint().equals("/api/commitments")
                        && !VALID_TAG.matcher(value).matches()
                        && !value.equals("*");
            case "X-Correlation-Id" -> !SAFE_TOKEN.matcher(value).matches();
            case "Idempotency-Key" -> !value.matches("^[A-Za-z0-9._:-]{1,200}$");
            default -> !value.toLowerCase(Locale.ROOT).contains("json");
        };
    }

    @Property(tries = 100)
    void hostileHeadersAreRefusedAsProblemsAndStoreNothing(@ForAll("hostileHeaders") HostileHeader header) {
        Store before = Store.now();
        Response response = client.postBytes(
                US_SECRETARIAT,
                path(header.endpoint(), ID),
                utf8(validBody(header.endpoint())),
                false,
                header.name(),
                header.value());

        assertRefused(before, response, header.toString());
    }

    @Provide
    Arbitrary<String> hostileIds() {
        Arbitrary<String> encoded = Arbitraries.strings()
                .withChars("aZ09-._~/\\;%?#&=+ \u0000\n\r\t\u007f\u00e9\ud55c\u202e")
                .ofMinLength(0)
                .ofMaxLength(120)
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
        Arbitrary<String> tricks = Arbitraries.of(
                "..",
                "%2e%2e",
                "%2E%2E%2F%2E%2E",
                "..%2F..%2Fetc%2Fpasswd",
                "%00",
                "a%00b",
                "quantum-property-mou%00",
                "quantum-property-mou;x=1",
                "quantum-property-mou%3B",
                "%252e%252e",
                "QUANTUM-PROPERTY-MOU",
                "quantum-property-mou%0A",
                "%C0%AE%C0%AE",
                "a".repeat(81),
                "ab",
                "-ab",
                "ab-",
                "x%20y",
                "%E2%80%AE",
                "quantum-property-mou%2F..");
        return Arbitraries.oneOf(encoded, tricks).filter(id -> {
            try {
                URI.create("http://localhost/api/commitments/" + id);
                return !id.equals(ID);
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    @Provide
    Arbitrary<String> endpointsWithId() {
        return Arbitraries.of(
                writeEndpoints.stream().filter(e -> e.contains("{id}")).toList());
    }

    @Property(tries = 100)
    void hostileIdsAreRefusedAsProblemsAndStoreNothing(
            @ForAll("endpointsWithId") String endpoint, @ForAll("hostileIds") String id) {
        Store before = Store.now();
        Response response = client.postBytes(US_SECRETARIAT, path(endpoint, id), utf8(validBody(endpoint)), false);

        assertRefused(before, response, endpoint + " with id " + id);
    }

    record RawHeader(String endpoint, String name, byte[] value) {
        @Override
        public String toString() {
            return name + ": " + new String(value, StandardCharsets.ISO_8859_1) + " on " + endpoint;
        }
    }

    /** Well-formed values of the headers the write endpoints read, to be broken by bytes outside ASCII. */
    static final Map<String, String> WELL_FORMED = Map.of(
            "If-Match", "\"0\"",
            "X-Correlation-Id", "property-correlation",
            "Idempotency-Key", "property-key",
            "Content-Type", "application/json",
            "Accept", "application/json");

    @Provide
    Arbitrary<RawHeader> nonAsciiHeaders() {
        Arbitrary<List<Character>> bytes = Arbitraries.chars()
                .range('\u0080', '\u00ff')
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
        return Combinators.combine(
                        Arbitraries.of(commitmentEndpoints),
                        Arbitraries.of(WELL_FORMED.keySet().stream().sorted().toList()),
                        bytes,
                        Arbitraries.integers().between(0, 1000))
                .as((endpoint, name, inserted, n) -> {
                    StringBuilder value = new StringBuilder(WELL_FORMED.get(name));
                    for (char c : inserted) {
                        value.insert((n + c) % (value.length() + 1), c);
                    }
                    return new RawHeader(endpoint, name, value.toString().getBytes(StandardCharsets.ISO_8859_1));
                })
                // a create has no version to match, so it reads no If-Match
                .filter(header ->
                        !(header.name().equals("If-Match") && header.endpoint().equals("/api/commitments")));
    }

    /**
     * Bytes 0x80 to 0xFF in a header the API reads, which the JDK's HTTP client refuses to send: written on a socket.
     * Whether the byte is a control character (refused by the firewall as the header is read) or a Latin-1 letter
     * (refused by the header's own grammar), the answer is a 400 problem and nothing is stored.
     */
    @Property(tries = 60)
    void nonAsciiHeaderBytesAreRefusedAsProblemsAndStoreNothing(@ForAll("nonAsciiHeaders") RawHeader header) {
        Store before = Store.now();
        RawHttp.Answer answer = new RawHttp(client.baseUrl())
                .send(
                        US_SECRETARIAT,
                        "POST",
                        path(header.endpoint(), ID),
                        validBody(header.endpoint()),
                        header.name(),
                        header.value());

        assertThat(answer.status()).as(header + " -> " + answer).isEqualTo(400);
        assertThat(answer.isProblem()).as(header + " -> " + answer).isTrue();
        before.assertUnchanged(header.toString());
    }

    /** What the store holds: how many events, and the position of the last. */
    record Store(long events, long head) {

        static Store now() {
            return new Store(
                    tracker.storedEvents(), tracker.bean(StoredEvents.class).headPosition());
        }

        void assertUnchanged(String what) {
            Store after = now();
            assertThat(after.head()).as(what + " moved the store's head").isEqualTo(head);
            assertThat(after.events()).as(what + " stored something").isEqualTo(events);
        }
    }

    private static void assertRefused(Store before, Response response, String what) {
        assertThat(response.status()).as(what + " -> " + response).isBetween(400, 499);
        assertThat(response.isProblem()).as(what + " -> " + response).isTrue();
        before.assertUnchanged(what);
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
