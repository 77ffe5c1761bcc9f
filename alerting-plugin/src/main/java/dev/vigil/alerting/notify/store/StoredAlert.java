package dev.vigil.alerting.notify.store;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An alert as the pipeline keeps it. An alert always has an end: one that arrived without {@code endsAt} is given
 * one {@code resolve_timeout} after it was received and marked {@code timeout}, so that it resolves by itself when
 * nobody sends it again. Immutable.
 *
 * @param fingerprint the hash of the labels ({@link Fingerprints})
 * @param labels the alert's identity
 * @param annotations its descriptive texts
 * @param startsAt when it started firing
 * @param endsAt when it resolves or resolved
 * @param timeout whether {@code endsAt} was set by the pipeline rather than the sender
 * @param generatorUrl a link to what produced it, or {@code ""}
 * @param updatedAt when the pipeline last received it
 */
public record StoredAlert(long fingerprint, Labels labels, Map<String, String> annotations, Instant startsAt,
        Instant endsAt, boolean timeout, String generatorUrl, Instant updatedAt) {

    /** Checks and copies. */
    public StoredAlert {
        requireNonNull(labels, "labels is null");
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        requireNonNull(startsAt, "startsAt is null");
        requireNonNull(endsAt, "endsAt is null");
        requireNonNull(generatorUrl, "generatorUrl is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /**
     * The stored form of an alert received at {@code now}; the alert's status and fingerprint are ignored, both are
     * derived.
     *
     * @throws IllegalArgumentException if it has no labels or ends before it starts
     */
    public static StoredAlert received(Alert alert, Instant now, Duration resolveTimeout) {
        Labels labels = Labels.of(alert.labels());
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one label");
        }
        Optional<Instant> end = alert.endsAt();
        if (end.isPresent() && end.get().isBefore(alert.startsAt())) {
            throw new IllegalArgumentException("alert " + labels.asMap() + " ends before it starts");
        }
        Map<String, String> annotations = new TreeMap<>(alert.annotations());
        annotations.values().removeIf(String::isEmpty);
        return new StoredAlert(Fingerprints.of(labels), labels, annotations, alert.startsAt(),
                end.orElse(now.plus(resolveTimeout)), end.isEmpty(), alert.generatorUrl(), now);
    }

    /** Whether the alert has resolved at {@code now}. */
    public boolean resolvedAt(Instant now) {
        return !endsAt.isAfter(now);
    }

    /** The fingerprint as 16 hexadecimal digits. */
    public String fingerprintHex() {
        return Fingerprints.hex(fingerprint);
    }

    /**
     * This alert merged with {@code newer}, a later report of the same alert whose activity overlaps this one's:
     * the earliest start wins; an explicit end wins over a pipeline-set one when it is later; of two resolved
     * reports the later end wins.
     */
    public StoredAlert mergedWith(StoredAlert newer) {
        StoredAlert older = this;
        if (newer.updatedAt.isBefore(updatedAt)) {
            older = newer;
            newer = this;
        }
        Instant start = older.startsAt.isBefore(newer.startsAt) ? older.startsAt : newer.startsAt;
        Instant end = newer.endsAt;
        boolean timeout = newer.timeout;
        if (newer.resolvedAt(newer.updatedAt)) {
            if (older.resolvedAt(newer.updatedAt) && older.endsAt.isAfter(newer.endsAt)) {
                end = older.endsAt;
                timeout = older.timeout;
            }
        } else if (older.endsAt.isAfter(newer.endsAt) && !older.timeout) {
            end = older.endsAt;
            timeout = false;
        }
        return new StoredAlert(fingerprint, labels, newer.annotations, start, end, timeout, newer.generatorUrl,
                newer.updatedAt);
    }

    /** This alert with its pipeline-set end moved to {@code endsAt}. */
    public StoredAlert withEndsAt(Instant endsAt) {
        return new StoredAlert(fingerprint, labels, annotations, startsAt, endsAt, timeout, generatorUrl, updatedAt);
    }

    /** The alert as notifications carry it at {@code now}: resolved with its end, or firing with no end. */
    public Alert toAlert(Instant now) {
        boolean resolved = resolvedAt(now);
        return new Alert(resolved ? AlertStatus.RESOLVED : AlertStatus.FIRING, labels.asMap(), annotations, startsAt,
                resolved ? Optional.of(endsAt) : Optional.empty(), generatorUrl, fingerprintHex());
    }
}
