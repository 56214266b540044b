package org.cetdialogue.tracker.gateway.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.cetdialogue.tracker.gateway.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerMapping;

/** The path id, {@code If-Match} and {@code X-Correlation-Id} of a write, read once, and the 400s they give. */
class WriteContextResolverTest {

    private static final String ID = "quantum-nist-kriss-mou";

    private final WriteContextResolver resolver = new WriteContextResolver();
    private MockHttpServletRequest request = onPath(Map.of("id", ID));

    @Test
    void readsTheCommitmentTheVersionAndTheCorrelationId() {
        request.addHeader("If-Match", "\"7\"");
        request.addHeader("X-Correlation-Id", "c0ffee-42");

        assertThat(resolve()).isEqualTo(new WriteContext(ID, 7L, "c0ffee-42", null));
    }

    @Test
    void carriesTheIdempotentRequestTheKeyFilterLeftIntoTheCommandMetadata() {
        IdempotentRequest idempotent = IdempotentRequest.of("writer-us", "key-1", "fingerprint");
        request.setAttribute(IdempotentRequest.class.getName(), idempotent);

        WriteContext context = resolve();

        assertThat(context.idempotentRequest()).isEqualTo(idempotent);
        assertThat(IdempotentRequest.from(context.metadata("why"))).isEqualTo(idempotent);
        assertThat(IdempotentRequest.from(new WriteContext(ID, null, "c", null).metadata(null)))
                .isNull();
    }

    @Test
    void aWeakTagNamesTheSameVersion() {
        request.addHeader("If-Match", " W/\"12\" ");

        assertThat(resolve().expectedVersion()).isEqualTo(12L);
    }

    @Test
    void noIfMatchAnEmptyOneOrAStarAcceptsAnyVersion() {
        assertThat(resolve().expectedVersion()).isNull();
        for (String any : new String[] {"", "*"}) {
            request = onPath(Map.of("id", ID));
            request.addHeader("If-Match", any);
            assertThat(resolve().expectedVersion()).as("If-Match: " + any).isNull();
        }
    }

    @Test
    void noCorrelationIdGivesANewOne() {
        String correlationId = resolve().correlationId();

        assertThat(UUID.fromString(correlationId)).hasToString(correlationId);
        assertThat(resolve().correlationId()).isNotEqualTo(correlationId);
    }

    @Test
    void aMalformedCommitmentIdIsABadRequest() {
        request = onPath(Map.of("id", "../etc"));
        request.addHeader("If-Match", "seven");

        assertBadRequest("a commitment id is 3 to 80 lower-case letters, digits or inner hyphens");
    }

    @Test
    void aMalformedIfMatchIsABadRequest() {
        request.addHeader("If-Match", "\"99999999999999999999\"");

        assertBadRequest("If-Match must be one entity tag as returned in ETag, such as \"3\"");
    }

    @Test
    void aRepeatedIfMatchIsReadAsOneListAndRefused() {
        request.addHeader("If-Match", "\"1\"");
        request.addHeader("If-Match", "\"1\"");

        assertBadRequest("If-Match must be one entity tag as returned in ETag, such as \"3\"");
    }

    @Test
    void aMalformedOrEmptyCorrelationIdIsABadRequest() {
        for (String bad : new String[] {"<script>", "", "a".repeat(101), "a,b"}) {
            request = onPath(Map.of("id", ID));
            request.addHeader("X-Correlation-Id", bad);
            assertBadRequest("X-Correlation-Id must be 1 to 100 letters, digits or . _ : - characters");
        }
    }

    @Test
    void aCreateNamesNoCommitmentAndReadsNoIfMatch() {
        request = onPath(Map.of());
        request.addHeader("If-Match", "seven");
        request.addHeader("X-Correlation-Id", "create-1");

        assertThat(resolve()).isEqualTo(new WriteContext(null, null, "create-1", null));
    }

    @Test
    void aCreateStillRefusesAMalformedCorrelationId() {
        request = onPath(Map.of());
        request.addHeader("X-Correlation-Id", "<script>");

        assertBadRequest("X-Correlation-Id must be 1 to 100 letters, digits or . _ : - characters");
    }

    private static MockHttpServletRequest onPath(Map<String, String> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/commitments");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }

    private WriteContext resolve() {
        return resolver.resolveArgument(null, null, new ServletWebRequest(request), null);
    }

    private void assertBadRequest(String detail) {
        assertThatThrownBy(this::resolve)
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage(detail);
    }
}
