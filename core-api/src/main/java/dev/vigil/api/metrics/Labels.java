package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The identity of a series: a set of labels sorted by name, each name at most once and no value empty (a
 * label with an empty value is the same as no label, as in Prometheus). The metric name is the value of
 * {@value #METRIC_NAME}. Immutable and thread-safe; equal label sets are {@link #equals equal} whatever
 * order they were built in.
 */
public final class Labels implements Comparable<Labels>, Iterable<Label> {

    /** The label that holds the metric name. */
    public static final String METRIC_NAME = "__name__";

    /** The empty label set. */
    public static final Labels EMPTY = new Labels(new String[0]);

    /** Names and values, interleaved, sorted by name. */
    private final String[] pairs;
    private int hash;

    private Labels(String[] pairs) {
        this.pairs = pairs;
    }

    /**
     * The labels given as alternating names and values, such as {@code of("__name__", "up", "job", "node")}.
     * Labels with an empty value are left out.
     *
     * @throws IllegalArgumentException if the count is odd or a name appears twice
     */
    public static Labels of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs: " + namesAndValues.length + " strings");
        }
        Builder builder = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.build();
    }

    /** The labels of {@code map}; labels with an empty value are left out. */
    public static Labels of(Map<String, String> map) {
        Builder builder = builder();
        map.forEach(builder::add);
        return builder.build();
    }

    /** A builder for a new label set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these labels, to add, replace or remove some. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.add(pairs[i], pairs[i + 1]);
        }
        return builder;
    }

    /** How many labels there are. */
    public int size() {
        return pairs.length / 2;
    }

    /** Whether there are no labels. */
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    /** The name of the label at {@code index}, in name order. */
    public String name(int index) {
        return pairs[checkIndex(index) * 2];
    }

    /** The value of the label at {@code index}, in name order. */
    public String value(int index) {
        return pairs[checkIndex(index) * 2 + 1];
    }

    /** The value of the label {@code name}, or null when there is none. */
    public @Nullable String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : pairs[i * 2 + 1];
    }

    /** The value of the label {@code name}, or {@code ""} when there is none (how matchers see it). */
    public String getOrEmpty(String name) {
        String value = get(name);
        return value == null ? "" : value;
    }

    /** Whether there is a label {@code name}. */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The metric name, or {@code ""} when the series has none. */
    public String metricName() {
        return getOrEmpty(METRIC_NAME);
    }

    /** These labels without the ones named. */
    public Labels without(Collection<String> names) {
        Builder builder = toBuilder();
        names.forEach(builder::remove);
        return builder.build();
    }

    /** These labels with only the ones named. */
    public Labels keep(Collection<String> names) {
        Builder builder = builder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (names.contains(pairs[i])) {
                builder.add(pairs[i], pairs[i + 1]);
            }
        }
        return builder.build();
    }

    /** Calls {@code action} with each name and value, in name order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    /** The labels as an unmodifiable map in name order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        forEach(map::put);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The label names, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(size());
        for (int i = 0; i < pairs.length; i += 2) {
            names.add(pairs[i]);
        }
        return names;
    }

    @Override
    public Iterator<Label> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < pairs.length;
            }

            @Override
            public Label next() {
                if (next >= pairs.length) {
                    throw new NoSuchElementException();
                }
                Label label = new Label(pairs[next], pairs[next + 1]);
                next += 2;
                return label;
            }
        };
    }

    /** Orders label sets as Prometheus does: label by label, by name and then by value; a prefix sorts first. */
    @Override
    public int compareTo(Labels other) {
        int n = Math.min(pairs.length, other.pairs.length);
        for (int i = 0; i < n; i++) {
            int c = pairs[i].compareTo(other.pairs[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pairs.length, other.pairs.length);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return this == o || (o instanceof Labels other && hashCode() == other.hashCode() && Arrays.equals(pairs, other.pairs));
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(pairs);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    /** The series in the Prometheus notation, such as {@code up{instance="a:9100", job="node"}}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        String name = get(METRIC_NAME);
        if (name != null) {
            out.append(name);
        }
        out.append('{');
        boolean first = true;
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(METRIC_NAME)) {
                continue;
            }
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(pairs[i]).append("=\"");
            appendEscaped(out, pairs[i + 1]);
            out.append('"');
        }
        return out.append('}').toString();
    }

    private static void appendEscaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private int indexOf(String name) {
        int lo = 0;
        int hi = pairs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = pairs[mid * 2].compareTo(name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private int checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("label " + index + " of " + size());
        }
        return index;
    }

    /** Builds a label set; not thread-safe. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<String> values = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a label, or replaces the value of one already there. An empty value removes the label.
         *
         * @throws IllegalArgumentException if {@code name} is empty
         */
        public Builder set(String name, String value) {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("label name is empty");
            }
            int i = names.indexOf(name);
            if (value.isEmpty()) {
                if (i >= 0) {
                    names.remove(i);
                    values.remove(i);
                }
            } else if (i >= 0) {
                values.set(i, value);
            } else {
                names.add(name);
                values.add(value);
            }
            return this;
        }

        /**
         * Adds a label that must not be there yet; an empty value is ignored.
         *
         * @throws IllegalArgumentException if {@code name} is empty or already added
         */
        public Builder add(String name, String value) {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            if (names.contains(name)) {
                throw new IllegalArgumentException("label name '" + name + "' appears more than once");
            }
            return set(name, value);
        }

        /** Removes the label {@code name}, if there is one. */
        public Builder remove(String name) {
            int i = names.indexOf(name);
            if (i >= 0) {
                names.remove(i);
                values.remove(i);
            }
            return this;
        }

        /** The value added for {@code name} so far, or null. */
        public @Nullable String get(String name) {
            int i = names.indexOf(name);
            return i < 0 ? null : values.get(i);
        }

        /** The label set. */
        public Labels build() {
            int n = names.size();
            if (n == 0) {
                return EMPTY;
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
            String[] pairs = new String[n * 2];
            for (int i = 0; i < n; i++) {
                pairs[i * 2] = names.get(order[i]);
                pairs[i * 2 + 1] = values.get(order[i]);
            }
            return new Labels(pairs);
        }
    }
}
