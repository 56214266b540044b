package org.cetdialogue.tracker.gateway.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Writes an RFC 9457 problem where no controller advice can: in the servlet and security filters. */
@Component
public class ProblemResponses {

    private final ObjectMapper objectMapper;

    public ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        write(
                response,
                status,
                title,
                detail,
                status == HttpStatus.UNAUTHORIZED
                        ? Map.of("WWW-Authenticate", "Basic realm=\"cet-tracker\"")
                        : Map.of());
    }

    public void write(
            HttpServletResponse response, HttpStatus status, String title, String detail, Map<String, String> headers)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        headers.forEach(response::setHeader);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
