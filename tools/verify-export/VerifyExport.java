import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks an export of the CET Commitment Tracker (GET /api/audit/export) against the tracker's public key (GET
 * /api/audit/public-key), with nothing but a JDK 17: no server, no database, no library.
 *
 * <pre>
 *   java tools/verify-export/VerifyExport.java export.ndjson public-key.pem
 * </pre>
 *
 * <p>It recomputes the SHA-256 hash chain over the exact stored bytes each line carries, checks that every line
 * follows the one before it, that the readable attributes (data, author, side, reason, correlation id) say what the
 * stored bytes say, that every checkpoint carries a valid Ed25519 signature of the given key over the recomputed
 * link, and that every event is covered by a checkpoint. Exit status 0: verified; 1: the export fails, and the first
 * line says where and why; 2: the files cannot be read.
 */
public class VerifyExport {

    static final String GENESIS = "0".repeat(64);
    static final String SOURCE = "urn:cet-commitment-tracker";
    static final String CHECKPOINT_TYPE = "org.cetdialogue.tracker.audit.ChainCheckpoint";

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java VerifyExport.java <export.ndjson> <public-key.pem>");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out));
    }

    static int run(Path export, Path publicKey, PrintStream out) {
        try {
            out.println("VERIFIED: " + verify(export, readPublicKey(publicKey)));
            return 0;
        } catch (Failure failure) {
            out.println("FAILED: " + failure.getMessage());
            return 1;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            out.println("ERROR: " + e.getMessage());
            return 2;
        }
    }

    static String verify(Path export, PublicKey key) throws IOException {
        String keyId = HexFormat.of().formatHex(sha256(key.getEncoded())).substring(0, 16);
        long lineNumber = 0;
        long events = 0;
        long checkpoints = 0;
        Long firstPosition = null;
        Long lastPosition = null;
        long lastGlobalIndex = -1;
        long covered = -1;
        String link = null;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String at = "line " + lineNumber + ": ";
                Map<String, Object> event;
                try {
                    event = object(new Json(line).document(), "the line");
                } catch (IllegalArgumentException e) {
                    throw new Failure(at + "not a JSON object (" + e.getMessage() + ")");
                }
                require(at, "1.0".equals(event.get("specversion")), "specversion is not 1.0");
                require(at, SOURCE.equals(event.get("source")), "source is not " + SOURCE);
                if (CHECKPOINT_TYPE.equals(event.get("type"))) {
                    Map<String, Object> data = object(event.get("data"), "data");
                    long position = number(data, "chainPosition", at);
                    require(
                            at,
                            lastPosition != null && position == lastPosition,
                            "the checkpoint of chain position " + position + " does not follow its event (line of"
                                    + " position " + position + " removed or moved)");
                    require(
                            at,
                            number(data, "globalIndex", at) == lastGlobalIndex,
                            "the checkpoint names another global position than its event");
                    String hash = text(data, "linkHash", at);
                    require(
                            at,
                            hash.equals(link),
                            "the checkpoint of chain position " + position + " signs link " + hash
                                    + " but the export recomputes " + link);
                    String message = "cet-chain-checkpoint-v1|" + position + "|" + lastGlobalIndex + "|" + hash + "|"
                            + text(data, "signedAt", at);
                    require(
                            at,
                            verifySignature(key, message, text(data, "signature", at)),
                            "the checkpoint of chain position " + position + " is not signed by the given public key"
                                    + signerMismatch(data.get("keyId"), keyId));
                    covered = position;
                    checkpoints++;
                    continue;
                }
                long position = number(event, "chainposition", at);
                long globalIndex = number(event, "globalindex", at);
                String previous = text(event, "chainprev", at);
                if (lastPosition == null) {
                    firstPosition = position;
                    require(
                            at,
                            position != 1 || previous.equals(GENESIS),
                            "the first event of the chain must follow the genesis link");
                    link = previous;
                } else {
                    require(
                            at,
                            position == lastPosition + 1,
                            "chain position " + position + " follows " + lastPosition + ": the event(s) at position"
                                    + (position - lastPosition > 2 ? "s " + (lastPosition + 1) + "-" : " ")
                                    + (position - 1) + " are missing from the export");
                    require(
                            at,
                            previous.equals(link),
                            "the previous link of chain position " + position + " is " + previous
                                    + " but the export recomputes " + link);
                }
                byte[] payload = base64(event, "storedpayload", at, true);
                byte[] metaData = base64(event, "storedmetadata", at, false);
                String recomputed = link(
                        link,
                        globalIndex,
                        text(event, "id", at),
                        text(event, "subject", at),
                        number(event, "sequence", at),
                        (String) event.get("aggregatetype"),
                        text(event, "type", at),
                        (String) event.get("payloadrevision"),
                        text(event, "time", at),
                        payload,
                        metaData);
                require(
                        at,
                        recomputed.equals(event.get("chainhash")),
                        "the event at chain position " + position + " (global position " + globalIndex
                                + ") does not match its chain link: its content was changed");
                Object stored;
                try {
                    stored = new Json(new String(payload, StandardCharsets.UTF_8)).document();
                } catch (IllegalArgumentException e) {
                    throw new Failure(at + "the stored payload is not JSON");
                }
                require(
                        at,
                        Objects.equals(stored, event.get("data")),
                        "data of the event at chain position " + position + " differs from its stored payload");
                Map<String, Object> metaFields = metaData == null
                        ? Map.of()
                        : object(new Json(new String(metaData, StandardCharsets.UTF_8)).document(), "metadata");
                for (String[] pair : new String[][] {
                    {"author", "username"}, {"side", "side"}, {"reason", "reason"}, {"correlationid", "correlationId"}
                }) {
                    Object expected = metaFields.get(pair[1]);
                    require(
                            at,
                            Objects.equals(expected == null ? null : expected.toString(), event.get(pair[0])),
                            "attribute " + pair[0] + " of the event at chain position " + position
                                    + " differs from its stored metadata");
                }
                link = recomputed;
                lastPosition = position;
                lastGlobalIndex = globalIndex;
                events++;
            }
        }
        if (events == 0) {
            throw new Failure("the export holds no events");
        }
        if (covered != lastPosition) {
            throw new Failure("the events after chain position " + (covered < 0 ? "(none)" : covered)
                    + " up to " + lastPosition + " are not covered by a signed checkpoint (the export was cut short"
                    + " or its last checkpoint removed)");
        }
        return events + " events (chain positions " + firstPosition + "-" + lastPosition
                + (firstPosition == 1 ? ", from the start of the chain" : ", anchored on the link before "
                        + firstPosition + " as given")
                + "), " + checkpoints + " signed checkpoints, key " + keyId + ", head " + link;
    }

    /**
     * Why a checkpoint's signature failed, as far as its key id tells: it names another key (expected the given key's
     * id, found another), or it names the given key and the signature itself was altered.
     */
    static String signerMismatch(Object named, String expected) {
        if (named == null) {
            return " (it names no key id; expected " + expected + ", the given key's)";
        }
        if (!expected.equals(named)) {
            return " (expected key id " + expected + ", the given key's; found " + named + ", the key it names)";
        }
        return " (it names the given key, key id " + expected
                + ", but the signature does not verify with it: the signature or the signed fields were altered)";
    }

    /** The same canonical form as the tracker's ChainHash. */
    static String link(
            String previous,
            long globalIndex,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String aggregateType,
            String payloadType,
            String payloadRevision,
            String timeStamp,
            byte[] payload,
            byte[] metaData)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(HexFormat.of().parseHex(previous));
        field(out, "cet-event-chain-v1");
        field(out, Long.toString(globalIndex));
        field(out, eventIdentifier);
        field(out, aggregateIdentifier);
        field(out, Long.toString(sequenceNumber));
        field(out, aggregateType);
        field(out, payloadType);
        field(out, payloadRevision);
        field(out, timeStamp);
        field(out, payload);
        field(out, metaData);
        out.flush();
        return HexFormat.of().formatHex(sha256(bytes.toByteArray()));
    }

    private static void field(DataOutputStream out, String value) throws IOException {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    static PublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static boolean verifySignature(PublicKey key, String message, String signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(message.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(String at, boolean condition, String problem) {
        if (!condition) {
            throw new Failure(at + problem);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new Failure(what + " is not a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static long number(Map<String, Object> object, String name, String at) {
        Object value = object.get(name);
        if (!(value instanceof BigDecimal number)) {
            throw new Failure(at + name + " is missing or not a number");
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new Failure(at + name + " is not a whole number");
        }
    }

    private static String text(Map<String, Object> object, String name, String at) {
        Object value = object.get(name);
        if (!(value instanceof String text)) {
            throw new Failure(at + name + " is missing or not a string");
        }
        return text;
    }

    private static byte[] base64(Map<String, Object> object, String name, String at, boolean required) {
        Object value = object.get(name);
        if (value == null && !required) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text(object, name, at));
        } catch (IllegalArgumentException e) {
            throw new Failure(at + name + " is not base64");
        }
    }

    /** Why an export does not verify. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** A small JSON reader: objects as maps, arrays as lists, numbers as BigDecimal, null as null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + at);
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return object;
            }
            while (true) {
                space();
                if (peek() != '"') {
                    throw new IllegalArgumentException("expected a name at " + at);
                }
                String name = string();
                space();
                expect(':');
                object.put(name, value());
                space();
                char c = next();
                if (c == '}') {
                    return object;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (at - 1));
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                space();
                char c = next();
                if (c == ']') {
                    return array;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or ] at " + (at - 1));
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> out.append(e);
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            if (at + 4 > text.length()) {
                                throw new IllegalArgumentException("bad \\u escape");
                            }
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape at " + at);
                    }
                } else if (c < 0x20) {
                    throw new IllegalArgumentException("control character in a string at " + at);
                } else {
                    out.append(c);
                }
            }
        }

        private BigDecimal number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (start == at) {
                throw new IllegalArgumentException("unexpected character at " + at);
            }
            return new BigDecimal(text.substring(start, at));
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw new IllegalArgumentException("unexpected word at " + at);
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
            }
        }
    }
}
