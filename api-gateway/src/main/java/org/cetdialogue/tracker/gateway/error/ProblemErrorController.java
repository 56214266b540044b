package org.cetdialogue.tracker.gateway.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): errors raised outside Spring MVC (a malformed URL refused by
 * Tomcat, an exception in a filter) leave as problem details too, never as Spring Boot's default JSON or an HTML page.
 * Reached only through the container's ERROR dispatch; a direct request to {@code /error} is refused like any route
 * without a rule.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        if (status.is5xxServerError()) {
            log.error("request failed outside the controllers", (Throwable)
                    request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
        problem.setTitle(status.getReasonPhrase());
        // the request that failed, not this error page (which Spring would name otherwise)
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
            try {
                problem.setInstance(URI.create(original));
            } catch (IllegalArgumentException unparseable) {
                problem.setInstance(URI.create("about:blank"));
            }
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is malformed.";
            case NOT_FOUND -> "There is nothing at this path.";
            case METHOD_NOT_ALLOWED -> "This path does not accept this method.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case URI_TOO_LONG -> "The request URL is too long.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request headers are too large.";
            default -> status.is5xxServerError() ? "The request could not be handled." : status.getReasonPhrase();
        };
    }
}
