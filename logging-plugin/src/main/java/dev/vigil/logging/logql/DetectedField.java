package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A field found in the lines of a query, as Loki's {@code detected_fields} reports it.
 *
 * @param label the field's label name
 * @param type {@code string}, {@code int}, {@code float}, {@code boolean}, {@code duration} or {@code bytes}: the type
 *     of every value seen, or {@code string} when they differ
 * @param cardinality how many distinct values were seen
 * @param parsers the parsers that found it ({@code json}, {@code logfmt}); empty for structured metadata
 */
public record DetectedField(String label, String type, int cardinality, List<String> parsers) {

    /** Checks and copies. */
    public DetectedField {
        requireNonNull(label, "label is null");
        requireNonNull(type, "type is null");
        parsers = List.copyOf(parsers);
    }
}
