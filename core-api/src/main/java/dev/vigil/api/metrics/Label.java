package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

/**
 * One label of a series: a name and a value.
 *
 * @param name the label name, such as {@code job} or {@code __name__}
 * @param value the label value; never empty inside a {@link Labels}
 */
public record Label(String name, String value) {

    /** Checks that neither part is null. */
    public Label {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
    }
}
