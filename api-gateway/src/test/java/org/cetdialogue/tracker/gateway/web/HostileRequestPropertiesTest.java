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
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.cetdialogue.tracker.support.Bodies;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.cetdialogue.tracker.support.TrackerClient.Response;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Property-based attacks on every write endpoint, the list of which is read from the running application's handler
 * mappings (every POST under {@code /api}): hostile bodies, headers and ids. Whatever is generated, the answer is a
 * 4xx {@code application/problem+json}, never a 5xx, and the event store holds exactly what it held before. Each
 * request is built from a body that would be accepted, then broken in one way, so that a hole in validation shows up
 * as a stored event. One running tracker serves the whole class.
 */
class HostileRequestPropertiesTest {

    private static final String ID = "quantum-property-mou";
    private static final List<String> AUDIT_FIELDS =
            List.of("author", "timestamp", "eventId", "version", "username", "side", "recordedAt", "sequenceNumber");

    static Path dataDirectory;
    static RunningTracker tracker;
    static TrackerClient client;
    static List<String> writeEndpoints;

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
        GARBAGE
    }

    @Provide
    Arbitrary<HostileBody> hostileBodies() {
        return Combinators.combine(
                        Arbitraries.of(writeEndpoints),
                        Arbitraries.of(Mutation.class),
                        Arbitraries.strings().ofMaxLength(40),
                        Arbitraries.integers().between(0, 1_000_000))
                .as((endpoint, mutation, text, n) -> {
                    String valid = validBody(endpoint);
                    byte[] hostile = mutate(valid, mutation, text, n);
                    // a mutation with nothing to change in this body (no date in a correction) adds an audit field
                    return Arrays.equals(hostile, utf8(valid))
                            ? new HostileBody(
                                    endpoint, Mutation.AUDIT_FIELD, mutate(valid, Mutation.AUDIT_FIELD, text, n))
                            : new HostileBody(endpoint, mutation, hostile);
                });
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
        };
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
        long stored = tracker.storedEvents();
        Response response = client.postBytes(US_SECRETARIAT, path(request.endpoint(), ID), request.body(), false);

        assertRefused(stored, response, request.toString());
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
        long stored = tracker.storedEvents();
        Response response = client.postBytes(
                US_SECRETARIAT,
                path(header.endpoint(), ID),
                utf8(validBody(header.endpoint())),
                false,
                header.name(),
                header.value());

        assertRefused(stored, response, header.toString());
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
        long stored = tracker.storedEvents();
        Response response = client.postBytes(US_SECRETARIAT, path(endpoint, id), utf8(validBody(endpoint)), false);

        assertRefused(stored, response, endpoint + " with id " + id);
    }

    private static void assertRefused(long stored, Response response, String what) {
        assertThat(response.status()).as(what + " -> " + response).isBetween(400, 499);
        assertThat(response.isProblem()).as(what + " -> " + response).isTrue();
        assertThat(tracker.storedEvents()).as(what + " stored something").isEqualTo(stored);
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
