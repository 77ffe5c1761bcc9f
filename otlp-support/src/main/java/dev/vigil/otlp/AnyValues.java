package dev.vigil.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OTLP attribute values as text, as the attribute specification says non-string values are written: booleans and
 * numbers as their literal (doubles in plain decimal, {@code +Inf}, {@code -Inf}, {@code NaN}), byte arrays in
 * base64, arrays and maps as JSON.
 */
public final class AnyValues {

    private AnyValues() {}

    /** An attribute value as text; {@code ""} for an unset value. */
    public static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> formatDouble(value.getDoubleValue());
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE, KVLIST_VALUE -> {
                StringBuilder out = new StringBuilder();
                appendJson(out, value);
                yield out.toString();
            }
            // a string-table index only means something in profiles, which carry the table
            case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> "";
        };
    }

    /** The value of attribute {@code key} as text, or {@code ""} when absent. */
    public static String get(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(key)) {
                return text(kv.getValue());
            }
        }
        return "";
    }

    /**
     * The attributes as a map of text values, sorted by key; a repeated key (invalid OTLP) keeps its last value, as
     * most SDKs' attribute builders do, and an empty key is skipped.
     */
    public static Map<String, String> toMap(List<KeyValue> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> out = new TreeMap<>();
        for (KeyValue kv : attributes) {
            if (!kv.getKey().isEmpty()) {
                out.put(kv.getKey(), text(kv.getValue()));
            }
        }
        return out;
    }

    /** A double in plain decimal without trailing zeros, or {@code +Inf}, {@code -Inf}, {@code NaN}. */
    public static String formatDouble(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static void appendJson(StringBuilder out, AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE -> appendJsonString(out, value.getStringValue());
            case BYTES_VALUE -> appendJsonString(out, Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
            case BOOL_VALUE -> out.append(value.getBoolValue());
            case INT_VALUE -> out.append(value.getIntValue());
            case DOUBLE_VALUE -> {
                double d = value.getDoubleValue();
                if (Double.isFinite(d)) {
                    out.append(formatDouble(d));
                } else {
                    appendJsonString(out, formatDouble(d));
                }
            }
            case ARRAY_VALUE -> {
                out.append('[');
                List<AnyValue> values = value.getArrayValue().getValuesList();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendJson(out, values.get(i));
                }
                out.append(']');
            }
            case KVLIST_VALUE -> {
                out.append('{');
                List<KeyValue> values = value.getKvlistValue().getValuesList();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendJsonString(out, values.get(i).getKey());
                    out.append(':');
                    appendJson(out, values.get(i).getValue());
                }
                out.append('}');
            }
            case STRING_VALUE_STRINDEX, VALUE_NOT_SET -> out.append("null");
        }
    }

    private static void appendJsonString(StringBuilder out, String text) {
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
