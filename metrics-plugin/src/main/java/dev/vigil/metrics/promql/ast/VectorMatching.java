package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How the two vectors of a binary operation are matched.
 *
 * @param cardinality one-to-one, many-to-one ({@code group_left}), one-to-many ({@code group_right}) or
 *     many-to-many (the set operators)
 * @param labels the labels named in {@code on(...)} or {@code ignoring(...)}
 * @param on true for {@code on}, false for {@code ignoring} (or neither, with no labels)
 * @param include the labels named in {@code group_left(...)} or {@code group_right(...)}, copied from the
 *     "one" side
 */
public record VectorMatching(Cardinality cardinality, List<String> labels, boolean on, List<String> include) {

    /** The cardinality of a match. */
    public enum Cardinality {
        ONE_TO_ONE,
        MANY_TO_ONE,
        ONE_TO_MANY,
        MANY_TO_MANY
    }

    /** Checks and copies. */
    public VectorMatching {
        requireNonNull(cardinality, "cardinality is null");
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }
}
