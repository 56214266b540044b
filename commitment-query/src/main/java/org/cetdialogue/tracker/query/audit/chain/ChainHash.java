package org.cetdialogue.tracker.query.audit.chain;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cetdialogue.tracker.query.audit.StoredEvent;

/**
 * The link of the hash chain over one stored event: {@code SHA-256(previous link as 32 bytes || canonical form)}, in
 * lower-case hex. The canonical form is the tag {@code cet-event-chain-v1} followed by these fields, each written as a
 * 4-byte big-endian length and its bytes (length -1 for a missing value): global index and sequence number as decimal
 * text; event identifier, aggregate identifier, aggregate type, payload type, payload revision and the stored
 * timestamp as UTF-8; then the stored payload and metadata bytes unchanged. The offline verifier
 * ({@code tools/verify-export/VerifyExport.java}) computes the same form with the JDK alone.
 */
public final class ChainHash {

    /** The link before the first event: 32 zero bytes. */
    public static final String GENESIS = "0".repeat(64);

    private static final byte[] TAG = "cet-event-chain-v1".getBytes(StandardCharsets.UTF_8);

    private ChainHash() {}

    public static String link(String previousHash, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(HexFormat.of().parseHex(previousHash));
        sha256.update(canonicalForm(event));
        return HexFormat.of().formatHex(sha256.digest());
    }

    static byte[] canonicalForm(StoredEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(
                256 + event.payload().length + (event.metaData() == null ? 0 : event.metaData().length));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, TAG);
            field(out, text(Long.toString(event.globalIndex())));
            field(out, text(event.eventIdentifier()));
            field(out, text(event.aggregateIdentifier()));
            field(out, text(Long.toString(event.sequenceNumber())));
            field(out, text(event.type()));
            field(out, text(event.payloadType()));
            field(out, text(event.payloadRevision()));
            field(out, text(event.timeStamp()));
            field(out, event.payload());
            field(out, event.metaData());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
