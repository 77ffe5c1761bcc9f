package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An aggregation group, for the API.
 *
 * @param groupKey the group key notifications carry
 * @param labels the group labels
 * @param receiver the route's receiver
 * @param escalatedTo the receivers of the escalation tiers reached, in order
 * @param nextFlush when the group is next flushed
 * @param unacknowledgedSince since when the notified group has had an unacknowledged firing alert, for a route
 *     with an escalation policy
 * @param alerts the group's alerts that the query selected
 */
public record GroupView(String groupKey, Map<String, String> labels, String receiver, List<String> escalatedTo,
        Instant nextFlush, Optional<Instant> unacknowledgedSince, List<AlertView> alerts) {

    /** Checks and copies. */
    public GroupView {
        requireNonNull(groupKey, "groupKey is null");
        labels = Map.copyOf(labels);
        requireNonNull(receiver, "receiver is null");
        escalatedTo = List.copyOf(escalatedTo);
        requireNonNull(nextFlush, "nextFlush is null");
        requireNonNull(unacknowledgedSince, "unacknowledgedSince is null");
        alerts = List.copyOf(alerts);
    }
}
