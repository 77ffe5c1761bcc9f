package dev.vigil.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assertions on the shape of a JSON document, written field by field from a vendor's documented schema: which
 * members are required, their types, their allowed values and lengths, and that nothing undocumented is sent. Each
 * failure names the path of the member at fault.
 */
public final class JsonShape {

    private final JsonNode node;
    private final String path;

    private JsonShape(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The shape of the document {@code node}, which must be an object. */
    public static JsonShape object(JsonNode node, String path) {
        assertThat(node.isObject()).as("%s is an object: %s", path, node).isTrue();
        return new JsonShape(node, path);
    }

    /** The node itself. */
    public JsonNode node() {
        return node;
    }

    /** Asserts that the object has no member but {@code documented}. */
    public JsonShape onlyFields(String... documented) {
        Set<String> allowed = Set.of(documented);
        List<String> extra = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                extra.add(name);
            }
        }
        assertThat(extra).as("%s has only documented members", path).isEmpty();
        return this;
    }

    /** Asserts {@code field} is present and a string; returns it. */
    public String string(String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s.%s is required", path, field).isNotNull();
        assertThat(value.isTextual()).as("%s.%s is a string: %s", path, field, value).isTrue();
        return value.asText();
    }

    /** Asserts {@code field}, if present, is a string; returns it or null. */
    public String optionalString(String field) {
        return node.has(field) ? string(field) : null;
    }

    /** Asserts {@code field} is a string of at most {@code max} characters; returns it. */
    public String string(String field, int max) {
        String value = string(field);
        assertThat(value.length()).as("%s.%s has at most %d characters", path, field, max).isLessThanOrEqualTo(max);
        return value;
    }

    /** Asserts {@code field} is a non-empty string. */
    public String nonEmptyString(String field) {
        String value = string(field);
        assertThat(value).as("%s.%s is not empty", path, field).isNotEmpty();
        return value;
    }

    /** Asserts {@code field} is one of {@code allowed}; returns it. */
    public String enumeration(String field, String... allowed) {
        String value = string(field);
        assertThat(value).as("%s.%s is one of %s", path, field, List.of(allowed)).isIn((Object[]) allowed);
        return value;
    }

    /** Asserts {@code field} is an RFC 3339 date-time string; returns it. */
    public String dateTime(String field) {
        String value = string(field);
        try {
            OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new AssertionError(path + "." + field + " is an RFC 3339 date-time, got " + value, e);
        }
        return value;
    }

    /** Asserts {@code field} is an integer; returns it. */
    public int integer(String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s.%s is required", path, field).isNotNull();
        assertThat(value.isIntegralNumber()).as("%s.%s is an integer: %s", path, field, value).isTrue();
        return value.asInt();
    }

    /** Asserts {@code field} is a boolean; returns it. */
    public boolean bool(String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s.%s is required", path, field).isNotNull();
        assertThat(value.isBoolean()).as("%s.%s is a boolean: %s", path, field, value).isTrue();
        return value.asBoolean();
    }

    /** Asserts {@code field} is an object; returns its shape. */
    public JsonShape object(String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s.%s is required", path, field).isNotNull();
        return object(value, path + "." + field);
    }

    /** Asserts {@code field} is an object whose members are all strings; returns them. */
    public Map<String, String> stringMap(String field) {
        JsonShape map = object(field);
        Map<String, String> values = new java.util.TreeMap<>();
        map.node.properties().forEach(e -> {
            assertThat(e.getValue().isTextual()).as("%s.%s.%s is a string", path, field, e.getKey()).isTrue();
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }

    /** Asserts {@code field} is an array; returns its elements. */
    public List<JsonNode> array(String field) {
        JsonNode value = node.get(field);
        assertThat(value).as("%s.%s is required", path, field).isNotNull();
        assertThat(value.isArray()).as("%s.%s is an array: %s", path, field, value).isTrue();
        List<JsonNode> elements = new ArrayList<>();
        value.forEach(elements::add);
        return elements;
    }

    /** Asserts {@code field} is an array of objects; returns their shapes. */
    public List<JsonShape> objects(String field) {
        List<JsonShape> shapes = new ArrayList<>();
        List<JsonNode> elements = array(field);
        for (int i = 0; i < elements.size(); i++) {
            shapes.add(object(elements.get(i), path + "." + field + "[" + i + "]"));
        }
        return shapes;
    }

    /** Asserts {@code field} is an array of strings; returns them. */
    public List<String> strings(String field) {
        List<String> values = new ArrayList<>();
        List<JsonNode> elements = array(field);
        for (int i = 0; i < elements.size(); i++) {
            assertThat(elements.get(i).isTextual()).as("%s.%s[%d] is a string", path, field, i).isTrue();
            values.add(elements.get(i).asText());
        }
        return values;
    }

    @Override
    public String toString() {
        return path + " " + node;
    }
}
