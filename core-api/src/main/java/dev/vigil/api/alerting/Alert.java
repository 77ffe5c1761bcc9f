package dev.vigil.api.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert in a notification, as in Alertmanager's webhook payload.
 *
 * @param status firing or resolved
 * @param labels the alert's identity, including {@code alertname}; sorted by name
 * @param annotations its descriptive texts (summary, description, runbook_url …); sorted by name
 * @param startsAt when it started firing
 * @param endsAt when it resolved; empty while it fires
 * @param generatorUrl a link to the expression that produced it, or {@code ""}
 * @param fingerprint a stable hash of the labels, as hex
 */
@Experimental
public record Alert(AlertStatus status, Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
        Optional<Instant> endsAt, String generatorUrl, String fingerprint) {

    /** Checks and copies. */
    public Alert {
        requireNonNull(status, "status is null");
        labels = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(labels, "labels is null")));
        annotations = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(annotations, "annotations is null")));
        requireNonNull(startsAt, "startsAt is null");
        requireNonNull(endsAt, "endsAt is null");
        requireNonNull(generatorUrl, "generatorUrl is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }

    /** The value of the {@code alertname} label, or {@code ""}. */
    public String name() {
        return labels.getOrDefault("alertname", "");
    }
}
