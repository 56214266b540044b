package org.cetdialogue.tracker.gateway.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cetdialogue.tracker.gateway.error.RefusedJsonValue;

/**
 * An enum in a request body is a JSON string equal to one constant's name, exactly: not its position ({@code 1}), not
 * trimmed ({@code " MOU"}), not with trailing NULs ({@code "MOU\u0000"}, which {@link String#trim()} would remove),
 * not in another case. Jackson's own enum deserializer accepts all of these. Installed on the REST mapper only, for
 * every enum, by {@link #module()}.
 */
final class StrictEnumDeserializer extends StdScalarDeserializer<Object> {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, Object> byName;
    private final String rule;

    private StrictEnumDeserializer(Class<?> type) {
        super(type);
        this.byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(c -> ((Enum<?>) c).name(), Function.identity()));
        this.rule = "must be one of "
                + Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "))
                + ", exactly";
    }

    /** A module that replaces the deserializer of every enum with this one. */
    static SimpleModule module() {
        return new SimpleModule("strict-enums").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new StrictEnumDeserializer(type.getRawClass());
            }
        });
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.handleUnexpectedToken(handledType(), parser);
        }
        String text = parser.getText();
        Object constant = byName.get(text);
        if (constant == null) {
            throw new RefusedJsonValue(parser, rule, text, handledType());
        }
        return constant;
    }
}
