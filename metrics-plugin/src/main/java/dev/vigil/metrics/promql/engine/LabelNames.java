package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.text.GoStrings;

/** Which label names PromQL accepts: since Prometheus 3, any non-empty valid UTF-8 text. */
final class LabelNames {

    private LabelNames() {}

    /**
     * Whether {@code name} is a valid label name: not empty, and without the bytes outside UTF-8 that a string
     * literal's escapes can produce.
     */
    static boolean isValid(String name) {
        return !name.isEmpty() && GoStrings.isValidUtf8(name);
    }
}
