package dev.vigil.alerting.notify.route;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.escalation.EscalationPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The settings a route applies to the groups it forms, after inheritance.
 *
 * @param receiver the receiver notified
 * @param groupBy the labels groups are keyed by, sorted; ignored when {@code groupByAll}
 * @param groupByAll whether groups are keyed by all of an alert's labels ({@code group_by: ['...']})
 * @param groupWait the wait before a new group's first notification
 * @param groupInterval the wait between notifications about a group's changes
 * @param repeatInterval the wait before an unchanged notification is repeated
 * @param maxAlerts the most alerts one notification carries; 0 for no limit
 * @param escalation the escalation policy of the route's groups, if any
 */
public record RouteOptions(String receiver, List<String> groupBy, boolean groupByAll, Duration groupWait,
        Duration groupInterval, Duration repeatInterval, int maxAlerts, Optional<EscalationPolicy> escalation) {

    /** Alertmanager's defaults for the root route: wait 30s, interval 5m, repeat 4h, no grouping. */
    public static final RouteOptions DEFAULTS = new RouteOptions("", List.of(), false, Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ofHours(4), 0, Optional.empty());

    /** Checks and copies. */
    public RouteOptions {
        requireNonNull(receiver, "receiver is null");
        groupBy = groupBy.stream().sorted().distinct().toList();
        requireNonNull(groupWait, "groupWait is null");
        requireNonNull(groupInterval, "groupInterval is null");
        requireNonNull(repeatInterval, "repeatInterval is null");
        requireNonNull(escalation, "escalation is null");
        if (maxAlerts < 0) {
            throw new IllegalArgumentException("maxAlerts is negative: " + maxAlerts);
        }
    }
}
