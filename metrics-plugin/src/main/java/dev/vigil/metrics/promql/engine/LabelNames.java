package dev.vigil.metrics.promql.engine;

/** Which label names PromQL accepts: any non-empty text, as Prometheus 3 allows UTF-8 names. */
final class LabelNames {

    private LabelNames() {}

    /** Whether {@code name} is a valid label name: not empty and well-formed text (no lone surrogate or NUL). */
    static boolean isValid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= name.length() || !Character.isLowSurrogate(name.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || c == '\ufffd') {
                return false;
            }
        }
        return true;
    }
}
