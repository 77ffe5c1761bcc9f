package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

/**
 * What a metric family is, as told by its exposition or its OTLP descriptor.
 *
 * @param type the type
 * @param help the description, or {@code ""}
 * @param unit the unit, such as {@code seconds}, or {@code ""}
 */
public record MetricMetadata(MetricType type, String help, String unit) {

    /** Checks that no part is null. */
    public MetricMetadata {
        requireNonNull(type, "type is null");
        requireNonNull(help, "help is null");
        requireNonNull(unit, "unit is null");
    }
}
