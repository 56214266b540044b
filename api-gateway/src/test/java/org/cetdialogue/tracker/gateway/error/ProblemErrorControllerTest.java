package org.cetdialogue.tracker.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The container's error page names the request that failed as the problem's instance, never {@code /error}. */
class ProblemErrorControllerTest {

    private final ProblemErrorController controller = new ProblemErrorController();

    @Test
    void aServerErrorNamesTheFailedRequestNotTheErrorPage() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/areas");

        var answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getInstance()).isEqualTo(URI.create("/api/areas"));
        assertThat(answer.getBody().getDetail()).isEqualTo("The request could not be handled.");
    }

    @Test
    void aFailedRequestWhosePathIsNoUriIsNamedBlank() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/a b|c");

        assertThat(controller.error(request).getBody().getInstance()).isEqualTo(URI.create("about:blank"));
    }
}
