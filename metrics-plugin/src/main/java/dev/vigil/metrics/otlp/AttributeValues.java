package dev.vigil.metrics.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attribute lists as Prometheus labels. Values that are not strings are written as the attribute
 * specification says for non-string values: booleans and numbers as their literal, byte arrays in base64,
 * arrays and maps as JSON.
 */
final class AttributeValues {

    private AttributeValues() {}

    /**
     * The attributes as label names and values, in label-name order. Keys that sanitise to the same label
     * name have their values joined with {@code ;} in the order of the original keys; empty keys are skipped.
     */
    static Map<String, String> toLabels(List<KeyValue> attributes) {
        if (attributes.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> byKey = new TreeMap<>();
        for (KeyValue kv : attributes) {
            // a repeated key is invalid OTLP; the last one wins, as in most SDKs' attribute builders
            byKey.put(kv.getKey(), text(kv.getValue()));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        byKey.forEach((key, value) -> {
            String name = PrometheusNames.labelName(key);
            if (!name.isEmpty()) {
                labels.merge(name, value, (a, b) -> a + ";" + b);
            }
        });
        return labels;
    }

    /** The value of attribute {@code key}, or {@code ""} when absent. */
    static String get(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(key)) {
                return text(kv.getValue());
            }
        }
        return "";
    }

    /** An attribute value as text. */
    static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> PrometheusNames.formatDouble(value.getDoubleValue());
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

    private static void appendJson(StringBuilder out, AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE -> appendJsonString(out, value.getStringValue());
            case BYTES_VALUE -> appendJsonString(out, Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
            case BOOL_VALUE -> out.append(value.getBoolValue());
            case INT_VALUE -> out.append(value.getIntValue());
            case DOUBLE_VALUE -> {
                double d = value.getDoubleValue();
                if (Double.isFinite(d)) {
                    out.append(PrometheusNames.formatDouble(d));
                } else {
                    appendJsonString(out, PrometheusNames.formatDouble(d));
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
