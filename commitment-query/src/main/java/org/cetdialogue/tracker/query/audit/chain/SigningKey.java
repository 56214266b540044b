package org.cetdialogue.tracker.query.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key that signs the checkpoints of the hash chain. It comes from {@code tracker.audit.signing-key}
 * (base64 PKCS#8, environment {@code TRACKER_AUDIT_SIGNING_KEY}); without one, from the file
 * {@code tracker.audit.signing-key-file}, which is generated (readable by its owner only) on the first start. The
 * repository holds no key. The public key is logged at start and served to auditors.
 */
@Component
public class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public SigningKey(
            @Value("${tracker.audit.signing-key:}") String configured,
            @Value("${tracker.audit.signing-key-file:./data/audit-signing-key.pk8}") Path file) {
        try {
            byte[] pkcs8 =
                    configured.isBlank() ? fromFile(file) : Base64.getDecoder().decode(configured.strip());
            this.privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            this.publicKey = publicKeyOf((EdECPrivateKey) privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("tracker.audit.signing-key is not a base64 PKCS#8 Ed25519 private key", e);
        }
        this.keyId = HexFormat.of()
                .formatHex(ChainHash.sha256().digest(publicKey.getEncoded()))
                .substring(0, 16);
        log.info(
                "Checkpoints of the event chain are signed with Ed25519 key {}; public key:\n{}",
                keyId,
                publicKeyPem());
    }

    /** A new key pair, its private half as base64 PKCS#8 (what {@code tracker.audit.signing-key} takes). */
    public static String newPrivateKey() {
        try {
            return Base64.getEncoder()
                    .encodeToString(KeyPairGenerator.getInstance("Ed25519")
                            .generateKeyPair()
                            .getPrivate()
                            .getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** The Ed25519 signature of {@code message}, base64. */
    public String sign(String message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    public boolean verify(String message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            String key = newPrivateKey();
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, key + "\n");
            log.warn(
                    "No tracker.audit.signing-key configured: generated a checkpoint signing key in {} (keep it safe"
                            + " and back it up; auditors need its public key)",
                    file.toAbsolutePath());
            return Base64.getDecoder().decode(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key file " + file, e);
        }
    }

    /**
     * Ed25519's public key is derived from the 32-byte private seed; the JDK derives it only while generating, so the
     * generator is fed the seed as its randomness.
     */
    private static PublicKey publicKeyOf(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("the private key has no bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!java.util.Arrays.equals(
                ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(), seed)) {
            throw new GeneralSecurityException("could not derive the public key");
        }
        return pair.getPublic();
    }

    /** Randomness that is the given seed: for deriving a public key only. */
    private static final class SeedRandom extends SecureRandom {

        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
