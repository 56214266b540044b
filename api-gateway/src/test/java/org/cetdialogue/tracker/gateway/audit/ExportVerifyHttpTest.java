package org.cetdialogue.tracker.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cetdialogue.tracker.support.TrackerClient.AUDITOR;
import static org.cetdialogue.tracker.support.TrackerConfigurations.FREQUENT_CHECKPOINTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cetdialogue.tracker.support.RunningTracker;
import org.cetdialogue.tracker.support.SharedTracker;
import org.cetdialogue.tracker.support.TrackerClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export checked by the offline verifier ({@code tools/verify-export/VerifyExport.java}, run as an auditor runs it:
 * {@code java VerifyExport.java export.ndjson public-key.pem}, with no server or database): it passes as exported
 * and fails, naming why, with one character changed, one line removed, or a checkpoint signed by another key.
 */
@SharedTracker(FREQUENT_CHECKPOINTS)
class ExportVerifyHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VERIFIER =
            Path.of("").toAbsolutePath().getParent().resolve("tools/verify-export/VerifyExport.java");
    private static final String ID = "quantum-export-mou";

    @TempDir
    static Path files;

    private static RunningTracker tracker;
    private static List<String> lines;
    private static Path publicKey;
    private static String keyId;

    @BeforeAll
    static void exportTheHistory(RunningTracker shared) throws IOException {
        tracker = shared;
        TrackerClient client = shared.client();
        AuditFixtures.proposeSignPledgeAndCorrect(client, ID);
        long stored = tracker.storedEvents();
        AuditFixtures.awaitChained(tracker);

        TrackerClient.Response key = client.get(AUDITOR, "/api/audit/public-key");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        publicKey = Files.writeString(files.resolve("public-key.pem"), key.body());
        keyId = key.header("X-Key-Id");

        TrackerClient.Response export = client.get(AUDITOR, "/api/audit/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        lines = export.body().lines().toList();
        long events = lines.stream().filter(l -> !l.contains("ChainCheckpoint")).count();
        assertThat(events).isEqualTo(stored);
    }

    @Test
    void eachLineIsACloudEventWithTheAuditMetadata() throws IOException {
        JsonNode signed = lines.stream()
                .map(ExportVerifyHttpTest::parse)
                .filter(e -> e.get("type").asText().endsWith(".MouSignedEvent")
                        && e.get("subject").asText().equals(ID))
                .findFirst()
                .orElseThrow();
        assertThat(signed.get("specversion").asText()).isEqualTo("1.0");
        assertThat(signed.get("source").asText()).isEqualTo("urn:cet-commitment-tracker");
        assertThat(signed.get("author").asText()).isEqualTo("us-secretariat");
        assertThat(signed.get("side").asText()).isEqualTo("US");
        assertThat(signed.get("correlationid").asText()).isEqualTo("audit-sign-1");
        assertThat(signed.at("/data/signedOn").asText()).isEqualTo("2024-03-01");
        assertThat(signed.get("chainhash").asText()).hasSize(64);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"reason\":\"the pledge was 2.6 million\""));
        assertThat(parse(lines.get(lines.size() - 1)).get("type").asText())
                .isEqualTo("org.cetdialogue.tracker.audit.ChainCheckpoint");
    }

    @Test
    void theExportVerifiesOffline() throws Exception {
        Verdict verdict = verify(lines, publicKey);
        assertThat(verdict.exitCode()).as(verdict.output()).isZero();
        assertThat(verdict.output()).startsWith("VERIFIED: " + tracker.storedEvents() + " events");
    }

    @Test
    void oneChangedCharacterFails() throws Exception {
        List<String> tampered = new ArrayList<>(lines);
        int line = indexOf(tampered, "\"funder\":\"MSIT\"");
        tampered.set(line, tampered.get(line).replaceFirst("\"funder\":\"MSIT\"", "\"funder\":\"MSIU\""));
        Verdict verdict = verify(tampered, publicKey);
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output())
                .startsWith("FAILED: line " + (line + 1) + ":")
                .contains("differs from its stored payload");
    }

    @Test
    void oneRemovedLineFails() throws Exception {
        List<String> tampered = new ArrayList<>(lines);
        int line = indexOf(tampered, "\"subject\":\"" + ID + "\"");
        tampered.remove(line);
        Verdict verdict = verify(tampered, publicKey);
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output()).startsWith("FAILED: line " + (line + 1) + ":");
        assertThat(verdict.output()).containsAnyOf("missing from the export", "does not follow its event");
    }

    @Test
    void aCheckpointSignedByAnotherKeyFails() throws Exception {
        int line = indexOf(lines, "ChainCheckpoint");
        Verdict verdict = verify(signedByAnotherKey(line, null), publicKey);
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output())
                .startsWith("FAILED: line " + (line + 1) + ":")
                .contains("is not signed by the given public key")
                .contains("it names the given key, key id " + keyId)
                .contains("the signature does not verify")
                .containsOnlyOnce(keyId);
    }

    @Test
    void aCheckpointNamingAnotherKeyFailsNamingTheExpectedAndTheFoundKey() throws Exception {
        int line = indexOf(lines, "ChainCheckpoint");
        Verdict verdict = verify(signedByAnotherKey(line, "0123456789abcdef"), publicKey);
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        assertThat(verdict.output())
                .startsWith("FAILED: line " + (line + 1) + ":")
                .contains("expected key id " + keyId + ", the given key's; found 0123456789abcdef, the key it names");
    }

    /** The export with the checkpoint on {@code line} signed by another key, naming {@code keyId} unless null. */
    private static List<String> signedByAnotherKey(int line, String namedKeyId) throws Exception {
        List<String> tampered = new ArrayList<>(lines);
        ObjectNode checkpoint = (ObjectNode) parse(tampered.get(line));
        ObjectNode data = (ObjectNode) checkpoint.get("data");
        data.put("signature", signWithAnotherKey(data.get("signedMessage").asText()));
        if (namedKeyId != null) {
            data.put("keyId", namedKeyId);
        }
        tampered.set(line, JSON.writeValueAsString(checkpoint));
        return tampered;
    }

    @Test
    void anotherPublicKeyFails() throws Exception {
        var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
        Path otherKey = Files.writeString(
                files.resolve("other-key.pem"),
                "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(other.getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        Verdict verdict = verify(lines, otherKey);
        assertThat(verdict.exitCode()).as(verdict.output()).isEqualTo(1);
        String otherKeyId = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(other.getEncoded()))
                .substring(0, 16);
        assertThat(verdict.output())
                .contains("is not signed by the given public key")
                .contains("expected key id " + otherKeyId + ", the given key's; found " + keyId + ", the key it names");
    }

    private static String signWithAnotherKey(String message) throws Exception {
        PrivateKey other =
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(other);
        signature.update(message.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(line, e);
        }
    }

    /** Runs the verifier as a separate {@code java} program over the lines and key, as an auditor would. */
    private static Verdict verify(List<String> exportLines, Path key) throws Exception {
        Path export = Files.createTempFile(files, "export", ".ndjson");
        Files.write(export, exportLines, StandardCharsets.UTF_8);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), VERIFIER.toString(), export.toString(), key.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Verdict(process.exitValue(), output);
    }

    private record Verdict(int exitCode, String output) {}
}
