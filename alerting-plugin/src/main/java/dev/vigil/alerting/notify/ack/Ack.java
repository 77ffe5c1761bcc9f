package dev.vigil.alerting.notify.ack;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.store.StoredAlert;
import java.time.Instant;
import java.util.Optional;

/**
 * An acknowledgement: someone has taken an alert on. It holds for this firing of the alert only (the one that
 * started at {@code alertStartsAt}) and, when it has an expiry, until then.
 *
 * @param fingerprint the alert's fingerprint, as 16 hexadecimal digits
 * @param alertStartsAt when the acknowledged firing started
 * @param by who acknowledged
 * @param comment what they said
 * @param createdAt when
 * @param expiresAt when the acknowledgement lapses, if it does
 */
public record Ack(String fingerprint, Instant alertStartsAt, String by, String comment, Instant createdAt,
        Optional<Instant> expiresAt) {

    /** Checks. */
    public Ack {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(alertStartsAt, "alertStartsAt is null");
        requireNonNull(by, "by is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    /** Whether the acknowledgement has not lapsed at {@code now}. */
    public boolean activeAt(Instant now) {
        return expiresAt.isEmpty() || now.isBefore(expiresAt.get());
    }

    /** Whether this acknowledgement holds for {@code alert} at {@code now}: same firing, still firing, not lapsed. */
    public boolean covers(StoredAlert alert, Instant now) {
        return alert.startsAt().equals(alertStartsAt) && !alert.resolvedAt(now) && activeAt(now);
    }
}
