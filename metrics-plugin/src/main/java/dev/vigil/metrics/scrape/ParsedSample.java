package dev.vigil.metrics.scrape;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import org.jspecify.annotations.Nullable;

/**
 * One sample as exposed by a target, before the target's labels are added.
 *
 * @param labels the exposed labels, the metric name under {@code __name__}
 * @param value the value
 * @param timestamp the exposed timestamp in milliseconds since the epoch, or null when none was given
 */
record ParsedSample(Labels labels, double value, @Nullable Long timestamp) {

    ParsedSample {
        requireNonNull(labels, "labels is null");
    }
}
