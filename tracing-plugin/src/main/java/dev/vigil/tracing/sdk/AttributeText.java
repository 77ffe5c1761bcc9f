package dev.vigil.tracing.sdk;

import dev.vigil.otlp.AnyValues;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SDK attribute values as text, written exactly as {@link AnyValues} writes the same values received over OTLP, so
 * that a span reads the same in the store whether it came from the platform's SDK or from another service: booleans
 * and numbers as literals (doubles in plain decimal, {@code +Inf}, {@code -Inf}, {@code NaN}), bytes in base64, arrays
 * and maps as JSON. Stateless.
 */
final class AttributeText {

    private AttributeText() {}

    /** The attributes as a map of text values; an empty key is skipped, as the OTLP receiver skips it. */
    static Map<String, String> toMap(Attributes attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        attributes.forEach((key, value) -> {
            if (!key.getKey().isEmpty()) {
                out.put(key.getKey(), text(key, value));
            }
        });
        return out;
    }

    /** One value as text. */
    static String text(AttributeKey<?> key, Object value) {
        return switch (key.getType()) {
            case STRING -> (String) value;
            case BOOLEAN, LONG -> value.toString();
            case DOUBLE -> AnyValues.formatDouble((Double) value);
            case STRING_ARRAY, BOOLEAN_ARRAY, LONG_ARRAY, DOUBLE_ARRAY -> {
                StringBuilder out = new StringBuilder();
                appendList(out, (List<?>) value);
                yield out.toString();
            }
            case VALUE -> valueText((Value<?>) value);
            // a type added by a later API version: its own text rather than a failure on the export path
            default -> String.valueOf(value);
        };
    }

    private static String valueText(Value<?> value) {
        return switch (value.getType()) {
            case STRING -> (String) value.getValue();
            case BOOLEAN, LONG -> value.getValue().toString();
            case DOUBLE -> AnyValues.formatDouble((Double) value.getValue());
            case BYTES -> base64((ByteBuffer) value.getValue());
            case EMPTY -> "";
            case ARRAY, KEY_VALUE_LIST -> {
                StringBuilder out = new StringBuilder();
                appendValue(out, value);
                yield out.toString();
            }
            default -> value.asString();
        };
    }

    private static void appendList(StringBuilder out, List<?> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendScalar(out, values.get(i));
        }
        out.append(']');
    }

    private static void appendScalar(StringBuilder out, Object value) {
        if (value instanceof String s) {
            appendJsonString(out, s);
        } else if (value instanceof Double d) {
            appendDouble(out, d);
        } else {
            out.append(value);
        }
    }

    private static void appendValue(StringBuilder out, Value<?> value) {
        switch (value.getType()) {
            case STRING -> appendJsonString(out, (String) value.getValue());
            case BOOLEAN, LONG -> out.append(value.getValue());
            case DOUBLE -> appendDouble(out, (Double) value.getValue());
            case BYTES -> appendJsonString(out, base64((ByteBuffer) value.getValue()));
            case EMPTY -> out.append("null");
            case ARRAY -> {
                out.append('[');
                List<?> values = (List<?>) value.getValue();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendValue(out, (Value<?>) values.get(i));
                }
                out.append(']');
            }
            case KEY_VALUE_LIST -> {
                out.append('{');
                List<?> values = (List<?>) value.getValue();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    KeyValue kv = (KeyValue) values.get(i);
                    appendJsonString(out, kv.getKey());
                    out.append(':');
                    appendValue(out, kv.getValue());
                }
                out.append('}');
            }
        }
    }

    private static void appendDouble(StringBuilder out, double d) {
        if (Double.isFinite(d)) {
            out.append(AnyValues.formatDouble(d));
        } else {
            appendJsonString(out, AnyValues.formatDouble(d));
        }
    }

    private static String base64(ByteBuffer bytes) {
        ByteBuffer copy = bytes.duplicate();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    /** {@code text} as a JSON string, quotes included. */
    static void appendJsonString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
