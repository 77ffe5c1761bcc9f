package dev.vigil.tracing.zipkin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.api.traces.SpanRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Span events as Zipkin annotations and back. An annotation has a time and a text value only, so an event with
 * attributes is written as OpenTelemetry's Zipkin exporters write it, {@code "name":{"key":"value",...}}, and an
 * event without attributes as its bare name. Reading undoes either form; any other text is an event of that name.
 * Stateless and thread-safe.
 */
final class AnnotationEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private AnnotationEvents() {}

    /** The annotation value for {@code event}. */
    static String toValue(SpanRecord.Event event) {
        if (event.attributes().isEmpty()) {
            return event.name();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart(event.name());
            for (Map.Entry<String, String> attribute : event.attributes().entrySet()) {
                json.writeStringField(attribute.getKey(), attribute.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an annotation to memory", e);
        }
        // the value is the one member of the object written, without the braces around it
        String object = out.toString();
        return object.substring(1, object.length() - 1);
    }

    /** The event an annotation at {@code timeNanos} with {@code value} stands for. */
    static SpanRecord.Event toEvent(long timeNanos, String value) {
        if (value.length() > 4 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '}') {
            JsonNode member = member(value);
            if (member != null) {
                Map.Entry<String, JsonNode> field = member.properties().iterator().next();
                Map<String, String> attributes = new TreeMap<>();
                for (Map.Entry<String, JsonNode> attribute : field.getValue().properties()) {
                    JsonNode v = attribute.getValue();
                    attributes.put(attribute.getKey(), v.isValueNode() ? v.asText() : v.toString());
                }
                return new SpanRecord.Event(timeNanos, field.getKey(), attributes);
            }
        }
        return new SpanRecord.Event(timeNanos, value, Map.of());
    }

    /** The value read as the one member of an object whose value is an object, or null when it is not one. */
    private static @Nullable JsonNode member(String value) {
        try {
            JsonNode node = JSON.readTree("{" + value + "}");
            if (node != null && node.size() == 1 && node.properties().iterator().next().getValue().isObject()) {
                return node;
            }
            return null;
        } catch (JsonProcessingException e) {
            // plain text that happens to start with a quote and end with a brace
            return null;
        }
    }
}
