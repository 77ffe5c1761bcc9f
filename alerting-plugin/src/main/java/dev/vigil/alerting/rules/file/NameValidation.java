package dev.vigil.alerting.rules.file;

/**
 * Which metric and label names a rule file may use, as Prometheus's name validation schemes decide. Prometheus 3
 * accepts any UTF-8 name by default; the legacy scheme keeps to the characters older versions allowed.
 */
public enum NameValidation {
    /** Any non-empty name of valid UTF-8, Prometheus 3's default. */
    UTF8,
    /** Metric names {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, label names {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    LEGACY;

    /** Whether {@code name} may be a metric name. */
    public boolean isValidMetricName(String name) {
        if (this == UTF8) {
            return !name.isEmpty() && isValidUtf16(name);
        }
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || c == ':' || isAsciiLetter(c) || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code name} may be a label name. */
    public boolean isValidLabelName(String name) {
        if (this == UTF8) {
            return !name.isEmpty() && isValidUtf16(name);
        }
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || isAsciiLetter(c) || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code value} may be a label value: any text that is valid UTF-8, whatever the scheme. */
    public static boolean isValidLabelValue(String value) {
        return isValidUtf16(value);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** A Java string encodes as UTF-8 exactly when it has no unpaired surrogate. */
    private static boolean isValidUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
