package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.ack.Ack;
import dev.vigil.api.alerting.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An alert with what the pipeline does with it, for the API.
 *
 * @param alert the alert, with its fingerprint
 * @param state whether it is notified or suppressed
 * @param silencedBy the ids of the silences that mute it
 * @param inhibitedBy the fingerprints of the alerts that inhibit it
 * @param acknowledgement the acknowledgement that holds for it, if any
 * @param receivers the receivers that hear about it (including escalation tiers reached), sorted
 * @param updatedAt when it was last received
 */
public record AlertView(Alert alert, AlertState state, List<String> silencedBy, List<String> inhibitedBy,
        Optional<Ack> acknowledgement, List<String> receivers, Instant updatedAt) {

    /** Checks and copies. */
    public AlertView {
        requireNonNull(alert, "alert is null");
        requireNonNull(state, "state is null");
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
        requireNonNull(acknowledgement, "acknowledgement is null");
        receivers = List.copyOf(receivers);
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
