package dev.vigil.kernel.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Names Java types and YAML values the way a person editing the file thinks of them: "a list", "a mapping",
 * "an integer", rather than {@code java.util.ArrayList<...>}.
 */
final class TypeWords {

    private TypeWords() {}

    /** What a value of {@code type} looks like in YAML, as in "expected <em>a list</em>, got a string". */
    static String expected(Class<?> type) {
        Class<?> plain = unboxed(type);
        if (plain == boolean.class) {
            return "true or false";
        }
        if (plain == int.class || plain == long.class || plain == short.class || plain == byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (plain == double.class || plain == float.class || type == BigDecimal.class || type == Number.class) {
            return "a number";
        }
        if (type == String.class || type == CharSequence.class || plain == char.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "a duration";
        }
        if (type.isEnum()) {
            return "one of " + constants(type);
        }
        if (isList(type)) {
            return "a list";
        }
        if (isMapping(type)) {
            return "a mapping";
        }
        if (type == Object.class || JsonNode.class.isAssignableFrom(type)) {
            return "a value";
        }
        return "a value of type " + type.getSimpleName();
    }

    /** The name of a scalar type, as in "cannot convert "abc" to <em>int</em>". */
    static String scalarName(Class<?> type) {
        Class<?> plain = unboxed(type);
        if (plain.isPrimitive()) {
            return plain.getName();
        }
        return type == Duration.class ? "a duration" : type.getSimpleName();
    }

    /** What else to tell about the values {@code type} accepts, such as " (expected true or false)"; may be empty. */
    static String acceptedHint(Class<?> type) {
        if (unboxed(type) == boolean.class) {
            return " (expected true or false)";
        }
        return type.isEnum() ? " (expected one of " + constants(type) + ")" : "";
    }

    /** Whether {@code type} is written as a list or a mapping rather than as a single value. */
    static boolean isStructured(Class<?> type) {
        return isList(type) || isMapping(type);
    }

    /** What kind of YAML value {@code node} is, as in "expected a list, got <em>a string</em>". */
    static String kindOf(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : "binary data";
    }

    /** A scalar as it appeared in the file (after substitution): strings quoted, others as written. */
    static String shown(JsonNode node) {
        if (node.isTextual()) {
            return Quoting.quote(node.textValue());
        }
        return node.isValueNode() && !node.isBinary() ? node.asText() : kindOf(node);
    }

    private static boolean isList(Class<?> type) {
        return Collection.class.isAssignableFrom(type)
                || (type.isArray() && type != byte[].class && type != char[].class);
    }

    private static boolean isMapping(Class<?> type) {
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return true;
        }
        // the plugin's own classes are beans; the JDK's non-collection types are single values (Path, URI, ...)
        return !type.isPrimitive() && !type.isEnum() && !type.isArray() && !type.isInterface()
                && !type.getName().startsWith("java.") && !JsonNode.class.isAssignableFrom(type);
    }

    private static Class<?> unboxed(Class<?> type) {
        if (type == Integer.class) {
            return int.class;
        }
        if (type == Long.class) {
            return long.class;
        }
        if (type == Boolean.class) {
            return boolean.class;
        }
        if (type == Double.class) {
            return double.class;
        }
        if (type == Float.class) {
            return float.class;
        }
        if (type == Short.class) {
            return short.class;
        }
        if (type == Byte.class) {
            return byte.class;
        }
        return type == Character.class ? char.class : type;
    }

    private static String constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name())
                .collect(Collectors.joining(", "));
    }
}
