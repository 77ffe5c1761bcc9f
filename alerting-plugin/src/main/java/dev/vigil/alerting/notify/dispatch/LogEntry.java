package dev.vigil.alerting.notify.dispatch;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Set;

/**
 * The last notification of a group to a receiver: when, and which alerts it said were firing and resolved. The
 * next flush compares the group with it to decide whether there is something new to say.
 *
 * @param timestamp when the notification was handed to the outbox
 * @param firing the fingerprints of the alerts it reported firing
 * @param resolved the fingerprints of the alerts it reported resolved
 */
public record LogEntry(Instant timestamp, Set<Long> firing, Set<Long> resolved) {

    /** Checks and copies. */
    public LogEntry {
        requireNonNull(timestamp, "timestamp is null");
        firing = Set.copyOf(firing);
        resolved = Set.copyOf(resolved);
    }
}
