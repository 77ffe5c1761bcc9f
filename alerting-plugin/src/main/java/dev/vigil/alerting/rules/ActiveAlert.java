package dev.vigil.alerting.rules;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.Labels;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A copy of one alert of an alerting rule, as the rules and alerts APIs show it.
 *
 * @param labels the alert's identity: the result's labels without the metric name, the rule's labels and
 *     {@code alertname}
 * @param annotations the expanded annotations, sorted by name
 * @param state its state
 * @param value the value of its sample at the last evaluation
 * @param activeAt when its condition started to hold
 * @param firedAt when it started firing
 * @param resolvedAt when its condition stopped holding, for an inactive alert kept to be sent as resolved
 * @param keepFiringSince when it started to be kept firing by {@code keep_firing_for}
 */
public record ActiveAlert(Labels labels, Map<String, String> annotations, AlertState state, double value, Instant activeAt,
        Optional<Instant> firedAt, Optional<Instant> resolvedAt, Optional<Instant> keepFiringSince) {

    /** Checks and copies. */
    public ActiveAlert {
        requireNonNull(labels, "labels is null");
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        requireNonNull(state, "state is null");
        requireNonNull(activeAt, "activeAt is null");
        requireNonNull(firedAt, "firedAt is null");
        requireNonNull(resolvedAt, "resolvedAt is null");
        requireNonNull(keepFiringSince, "keepFiringSince is null");
    }
}
