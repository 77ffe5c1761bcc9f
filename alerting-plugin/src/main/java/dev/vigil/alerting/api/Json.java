package dev.vigil.alerting.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpStatusException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The API's answers, built as JSON trees so that each shape is visible where it is made and nothing of the plugin's
 * types reaches the platform's mapper. Thread-safe.
 */
final class Json {

    private static final JsonMapper READER = JsonMapper.builder().build();

    private Json() {}

    /** A new empty object. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new empty array. */
    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** {@code map} as an object of strings, in the map's order. */
    static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = object();
        map.forEach(node::put);
        return node;
    }

    /** Puts {@code at} as RFC 3339 text, or null when absent. */
    static void putInstant(ObjectNode node, String field, Optional<Instant> at) {
        if (at.isPresent()) {
            node.put(field, at.get().toString());
        } else {
            node.putNull(field);
        }
    }

    /** Answers 200 with {@code {"status":"success","data":data}}. */
    static void success(HttpExchange exchange, JsonNode data) {
        ObjectNode body = object();
        body.put("status", "success");
        body.set("data", data);
        exchange.json(200, body);
    }

    /**
     * The request body as a JSON object; an empty body is an empty object.
     *
     * @throws HttpStatusException 400 when the body is not a JSON object
     */
    static ObjectNode body(HttpExchange exchange) {
        String text = exchange.bodyAsString();
        if (text.isBlank()) {
            return object();
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw HttpStatusException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw HttpStatusException.badRequest("the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * A string member of {@code body}, if present.
     *
     * @throws HttpStatusException 400 when it is present but not a string
     */
    static Optional<String> text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw HttpStatusException.badRequest("\"" + field + "\" must be a string");
        }
        return Optional.of(value.asText());
    }

    /**
     * A time member of {@code body} (RFC 3339 or Unix seconds), if present.
     *
     * @throws HttpStatusException 400 when it is present but not a time
     */
    static Optional<Instant> instant(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            return Optional.of(Params.unixSeconds(value.asText(), field));
        }
        return Optional.of(Params.time(text(body, field).orElseThrow(), field));
    }
}
