package dev.vigil.alerting.rules.file;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A node of a YAML document with its position, so that every problem found in it can name the line and column.
 * Scalars keep their text as written; what a field needs (a string, a number, a duration) is decided by whoever
 * reads the field, as Go's YAML decoder does for Prometheus. Immutable.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    /** Where the node starts. */
    Location location();

    /** The YAML tag of the node as Go's decoder names it in messages, such as {@code !!str} or {@code !!map}. */
    String tag();

    /** What a plain or quoted scalar looks like to YAML's core schema. */
    enum ScalarType {
        /** A string: quoted, or plain text that is nothing else. */
        STRING("!!str"),
        /** An integer such as {@code 10} or {@code 0x10}. */
        INT("!!int"),
        /** A floating-point number such as {@code 1.5} or {@code .inf}. */
        FLOAT("!!float"),
        /** {@code true} or {@code false}. */
        BOOL("!!bool"),
        /** Nothing, {@code ~} or {@code null}. */
        NULL("!!null");

        private final String tag;

        ScalarType(String tag) {
            this.tag = tag;
        }

        /** The tag, such as {@code !!int}. */
        public String tag() {
            return tag;
        }
    }

    /**
     * A scalar.
     *
     * @param text the text as written, without quotes; {@code ""} for a null
     * @param type how YAML reads the text
     * @param location where it starts
     */
    record Scalar(String text, ScalarType type, Location location) implements YamlNode {
        /** Checks the parts. */
        public Scalar {
            requireNonNull(text, "text is null");
            requireNonNull(type, "type is null");
            requireNonNull(location, "location is null");
        }

        /** Whether the scalar is null (empty, {@code ~} or {@code null}). */
        public boolean isNull() {
            return type == ScalarType.NULL;
        }

        @Override
        public String tag() {
            return type.tag();
        }
    }

    /**
     * One key and its value in a mapping.
     *
     * @param key the key
     * @param value the value
     */
    record Entry(Scalar key, YamlNode value) {
        /** Checks the parts. */
        public Entry {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /**
     * A mapping, its entries in document order.
     *
     * @param entries the entries; no key appears twice
     * @param location where it starts
     */
    record Mapping(List<Entry> entries, Location location) implements YamlNode {
        /** Checks and copies. */
        public Mapping {
            entries = List.copyOf(entries);
            requireNonNull(location, "location is null");
        }

        /** The entry with the key {@code key}. */
        public Optional<Entry> entry(String key) {
            for (Entry entry : entries) {
                if (entry.key().text().equals(key)) {
                    return Optional.of(entry);
                }
            }
            return Optional.empty();
        }

        /** The value of the key {@code key}. */
        public Optional<YamlNode> get(String key) {
            return entry(key).map(Entry::value);
        }

        @Override
        public String tag() {
            return "!!map";
        }
    }

    /**
     * A sequence.
     *
     * @param items the items in document order
     * @param location where it starts
     */
    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        /** Checks and copies. */
        public Sequence {
            items = List.copyOf(items);
            requireNonNull(location, "location is null");
        }

        @Override
        public String tag() {
            return "!!seq";
        }
    }
}
