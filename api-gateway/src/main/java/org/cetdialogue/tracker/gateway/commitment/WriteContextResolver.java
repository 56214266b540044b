package org.cetdialogue.tracker.gateway.commitment;

import java.util.Map;
import org.cetdialogue.tracker.api.idempotency.IdempotentRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves a {@link WriteContext} handler parameter: the {@code {id}} path variable, {@code If-Match},
 * {@code X-Correlation-Id} and the idempotent request the {@code Idempotency-Key} filter left as a request attribute,
 * each header refused with a 400 problem when malformed. A path without {@code {id}} (the create)
 * reads no {@code If-Match}: there is no version to match. Declared after the request body, it runs after the body is
 * read and validated.
 */
final class WriteContextResolver implements HandlerMethodArgumentResolver {

    static final String ID = "id";
    static final String IF_MATCH = "If-Match";
    static final String CORRELATION = "X-Correlation-Id";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == WriteContext.class;
    }

    @Override
    public WriteContext resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>)
                request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        IdempotentRequest idempotent =
                request.getAttribute(IdempotentRequest.class.getName(), RequestAttributes.SCOPE_REQUEST)
                                instanceof IdempotentRequest given
                        ? given
                        : null;
        if (pathVariables == null || !pathVariables.containsKey(ID)) {
            return new WriteContext(null, null, CorrelationIds.orNew(header(request, CORRELATION)), idempotent);
        }
        String commitmentId = CommitmentIds.require(pathVariables.get(ID));
        Long expectedVersion = Versions.of(header(request, IF_MATCH));
        return new WriteContext(
                commitmentId, expectedVersion, CorrelationIds.orNew(header(request, CORRELATION)), idempotent);
    }

    /** The header as {@code @RequestHeader String} reads it: a repeated header is its values joined by commas. */
    private static String header(NativeWebRequest request, String name) {
        String[] values = request.getHeaderValues(name);
        if (values == null) {
            return null;
        }
        return values.length == 1 ? values[0] : String.join(",", values);
    }
}
