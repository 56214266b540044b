package org.cetdialogue.tracker.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.cetdialogue.tracker.gateway.error.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies before anything else reads them: a declared {@code Content-Length} over the limit, or a chunked
 * body that grows past it, answers 413; a JSON body that is not valid UTF-8 answers 400. The body is read once, up
 * to the limit, and handed on so that the idempotency fingerprint and the controllers read the same bytes.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponses problems;

    public BodySizeLimitFilter(long maxBytes, ProblemResponses problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(response);
            return;
        }
        if ((declared <= 0 && request.getHeader("Transfer-Encoding") == null) || isForm(request.getContentType())) {
            // a form (the dashboard's sign-in) is left to the container to parse into parameters; its size is
            // capped above when declared, and by server.tomcat.max-http-form-post-size when chunked
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
        if (body.length > maxBytes) {
            tooLarge(response);
            return;
        }
        if (isJson(request.getContentType()) && !isUtf8(body)) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Malformed request", "The body is not valid UTF-8.");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        problems.write(
                response,
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Body too large",
                "A request body may hold at most " + maxBytes + " bytes.");
    }

    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static boolean isJson(String contentType) {
        return contentType == null
                || contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
