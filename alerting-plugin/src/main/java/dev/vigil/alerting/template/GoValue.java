package dev.vigil.alerting.template;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.gotext.GoText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Go values a template works with that have no plain Java counterpart. Plain values are {@link String}
 * ({@code string}), {@link Long} ({@code int}), {@link Double} ({@code float64}), {@link Boolean} ({@code bool}) and
 * {@code null} (nil). Each value knows the name Go gives its type, which messages show.
 */
sealed interface GoValue {

    /** The type as Go's {@code reflect} prints it, such as {@code map[string]string}. */
    String goType();

    /** A value with fields: a struct, or a pointer to one. */
    sealed interface GoStruct extends GoValue {
        /** The field names in declaration order. */
        List<String> fieldNames();

        /** The value of a field, which must be one of {@link #fieldNames()}. */
        @Nullable Object field(String name);

        /** Whether the value is a pointer to the struct rather than the struct. */
        boolean isPointer();

        /** The struct type, without the pointer. */
        String structType();

        @Override
        default String goType() {
            return isPointer() ? "*" + structType() : structType();
        }
    }

    /** A map with string keys; lookups of missing keys give the element type's zero value. */
    sealed interface GoMap extends GoValue {
        /** How many entries there are. */
        int size();

        /** The value for {@code key}, or the zero value when there is none. */
        @Nullable Object get(String key);

        /** The keys in Go's order (byte-wise). */
        List<String> sortedKeys();
    }

    /** {@code map[string]string}, such as {@code $labels}. */
    record StringMap(Map<String, String> map) implements GoMap {
        public StringMap {
            requireNonNull(map, "map is null");
        }

        @Override
        public String goType() {
            return "map[string]string";
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public Object get(String key) {
            return map.getOrDefault(key, "");
        }

        @Override
        public List<String> sortedKeys() {
            return sorted(map.keySet().toArray(new String[0]));
        }
    }

    /** {@code map[string]interface {}}, as {@code args} makes. */
    record AnyMap(Map<String, @Nullable Object> map) implements GoMap {
        public AnyMap {
            requireNonNull(map, "map is null");
        }

        @Override
        public String goType() {
            return "map[string]interface {}";
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public @Nullable Object get(String key) {
            return map.get(key);
        }

        @Override
        public List<String> sortedKeys() {
            return sorted(map.keySet().toArray(new String[0]));
        }
    }

    private static List<String> sorted(String[] keys) {
        Arrays.sort(keys, GoText::compare);
        return Arrays.asList(keys);
    }

    /** The dot of an alert template: Prometheus's anonymous struct of labels, external labels, URL and value. */
    record AlertData(StringMap labels, StringMap externalLabels, String externalUrl, double value) implements GoStruct {
        private static final List<String> FIELDS = List.of("Labels", "ExternalLabels", "ExternalURL", "Value");

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }

        @Override
        public Object field(String name) {
            return switch (name) {
                case "Labels" -> labels;
                case "ExternalLabels" -> externalLabels;
                case "ExternalURL" -> externalUrl;
                case "Value" -> value;
                default -> throw new IllegalArgumentException("no field " + name);
            };
        }

        @Override
        public boolean isPointer() {
            return false;
        }

        @Override
        public String structType() {
            return "struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; "
                    + "Value interface {} }";
        }
    }

    /** One element of a query result: {@code *template.sample} with {@code .Labels} and {@code .Value}. */
    record QuerySample(StringMap labels, double value) implements GoStruct {
        private static final List<String> FIELDS = List.of("Labels", "Value");

        @Override
        public List<String> fieldNames() {
            return FIELDS;
        }

        @Override
        public Object field(String name) {
            return switch (name) {
                case "Labels" -> labels;
                case "Value" -> value;
                default -> throw new IllegalArgumentException("no field " + name);
            };
        }

        @Override
        public boolean isPointer() {
            return true;
        }

        @Override
        public String structType() {
            return "template.sample";
        }
    }

    /** What {@code query} returns: {@code template.queryResult}, a slice of samples that sorts in place. */
    final class QueryResult implements GoValue {
        private final List<QuerySample> samples;

        QueryResult(List<QuerySample> samples) {
            this.samples = new ArrayList<>(samples);
        }

        @Override
        public String goType() {
            return "template.queryResult";
        }

        /** The samples; {@code sortByLabel} reorders this list. */
        List<QuerySample> samples() {
            return samples;
        }

        @Override
        public String toString() {
            return samples.toString();
        }
    }

    /** {@code html/template.HTML}, which {@code safeHtml} makes: a string of its own type. */
    record SafeHtml(String text) implements GoValue {
        public SafeHtml {
            requireNonNull(text, "text is null");
        }

        @Override
        public String goType() {
            return "template.HTML";
        }
    }

    /** A {@code time.Time} in UTC with millisecond precision, or a pointer to one ({@code toTime} gives a pointer). */
    record GoTime(long epochMillis, boolean pointer) implements GoValue {
        @Override
        public String goType() {
            return pointer ? "*time.Time" : "time.Time";
        }

        @Override
        public String toString() {
            return GoTimes.timeString(epochMillis);
        }
    }

    /** A {@code time.Duration}: nanoseconds. */
    record GoDuration(long nanos) implements GoValue {
        @Override
        public String goType() {
            return "time.Duration";
        }

        @Override
        public String toString() {
            return GoTimes.durationString(nanos);
        }
    }

    /** A {@code uint8}: what indexing a string gives. */
    record GoByte(int value) implements GoValue {
        @Override
        public String goType() {
            return "uint8";
        }
    }
}
