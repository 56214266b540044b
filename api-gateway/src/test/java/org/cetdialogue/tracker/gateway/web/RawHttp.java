package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte on a socket, for what {@code java.net.http} refuses to send: header values with bytes
 * outside ASCII ({@code X-Correlation-Id: caf\xC3\xA9}) or control bytes. One request per connection
 * ({@code Connection: close}); the answer is read to the end.
 */
final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;

    RawHttp(String baseUrl) {
        this.base = URI.create(baseUrl);
    }

    /**
     * Sends {@code method path} with JSON {@code body} (null: none) as {@code user}, plus one header whose value is
     * the raw {@code value} bytes.
     */
    Answer send(Map<String, String> user, String method, String path, String body, String header, byte[] value) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: ")
                    .append(base.getHost())
                    .append(':')
                    .append(base.getPort())
                    .append("\r\nConnection: close\r\n");
            if (user != null) {
                Map.Entry<String, String> credentials =
                        user.entrySet().iterator().next();
                String token = credentials.getKey() + ":" + credentials.getValue();
                head.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n");
            }
            if (body != null) {
                if (!header.equalsIgnoreCase("Content-Type")) {
                    head.append("Content-Type: application/json\r\n");
                }
                head.append("Content-Length: ").append(content.length).append("\r\n");
            }
            request.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
            request.writeBytes((header + ": ").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(value);
            request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(content);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            return Answer.parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status, content type and body (de-chunked) of an answer. */
    record Answer(int status, String contentType, String body) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (int i = 1; i < head.length; i++) {
                String line = head[i].toLowerCase(Locale.ROOT);
                if (line.startsWith("content-type:")) {
                    contentType = head[i].substring("content-type:".length()).trim();
                }
                chunked |= line.startsWith("transfer-encoding:") && line.contains("chunked");
            }
            String body = end < 0 ? "" : raw.substring(end + 4);
            return new Answer(
                    status,
                    contentType,
                    new String(
                            (chunked ? dechunk(body) : body).getBytes(StandardCharsets.ISO_8859_1),
                            StandardCharsets.UTF_8));
        }

        private static String dechunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    return out.toString();
                }
                int size = Integer.parseInt(
                        chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        /** True for an RFC 9457 answer: {@code application/problem+json} with the status repeated in the body. */
        boolean isProblem() {
            if (contentType == null || !contentType.startsWith("application/problem+json")) {
                return false;
            }
            try {
                JsonNode json = JSON.readTree(body);
                return json.path("status").asInt() == status;
            } catch (IOException e) {
                return false;
            }
        }

        /** The problem's {@code detail}, or the body when it is not a problem. */
        String detail() {
            try {
                return JSON.readTree(body).path("detail").asText(body);
            } catch (IOException e) {
                return body;
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
