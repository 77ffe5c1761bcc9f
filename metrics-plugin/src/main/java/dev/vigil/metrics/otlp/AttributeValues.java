package dev.vigil.metrics.otlp;

import dev.vigil.otlp.AnyValues;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attribute lists as Prometheus labels, their values written as {@link AnyValues#text} writes them.
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
            byKey.put(kv.getKey(), AnyValues.text(kv.getValue()));
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
        return AnyValues.get(attributes, key);
    }
}
