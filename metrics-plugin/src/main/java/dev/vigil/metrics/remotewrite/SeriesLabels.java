package dev.vigil.metrics.remotewrite;

import dev.vigil.api.metrics.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The labels of one time series as they arrive, before they become {@link Labels}: checked against
 * Prometheus's rules for names. Reused from series to series within one request; not thread-safe.
 */
final class SeriesLabels {

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    void clear() {
        names.clear();
        values.clear();
    }

    void add(String name, String value) {
        names.add(name);
        values.add(value);
    }

    /** What is wrong with these labels, naming the series, or null when they are valid. */
    @Nullable String problem() {
        String metricName = null;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!isValidLabelName(name)) {
                return "invalid label name \"" + name + "\" in series " + this;
            }
            if (name.equals(Labels.METRIC_NAME)) {
                metricName = values.get(i);
            }
        }
        String duplicate = duplicateName();
        if (duplicate != null) {
            return "duplicate label name \"" + duplicate + "\" in series " + this;
        }
        if (metricName == null || metricName.isEmpty()) {
            return "missing metric name (label __name__) in series " + this;
        }
        if (!isValidMetricName(metricName)) {
            return "invalid metric name \"" + metricName + "\" in series " + this;
        }
        return null;
    }

    /** The labels; call only once {@link #problem()} returned null. */
    Labels toLabels() {
        Labels.Builder builder = Labels.builder();
        for (int i = 0; i < names.size(); i++) {
            builder.set(names.get(i), values.get(i));
        }
        return builder.build();
    }

    private @Nullable String duplicateName() {
        int n = names.size();
        if (n <= 16) {
            // series rarely have many labels: a quadratic scan beats hashing here
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (names.get(i).equals(names.get(j))) {
                        return names.get(i);
                    }
                }
            }
            return null;
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                return name;
            }
        }
        return null;
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    static boolean isValidMetricName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    static boolean isValidLabelName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The series as sent, in the Prometheus notation, such as {@code {__name__="up", job="node"}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(names.get(i)).append("=\"");
            String value = values.get(i);
            for (int j = 0; j < value.length() && j < 200; j++) {
                char c = value.charAt(j);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '"' -> out.append("\\\"");
                    case '\n' -> out.append("\\n");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        return out.append('}').toString();
    }
}
