package dev.vigil.logging.logql;

import java.util.List;

/**
 * The {@code by (...)} or {@code without (...)} of an aggregation.
 *
 * @param without whether the labels are the ones removed rather than the ones kept
 * @param labels the labels named
 */
public record Grouping(boolean without, List<String> labels) {

    /** Copies. */
    public Grouping {
        labels = List.copyOf(labels);
    }

    @Override
    public String toString() {
        return (without ? "without" : "by") + " (" + String.join(", ", labels) + ")";
    }
}
