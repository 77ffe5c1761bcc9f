package dev.vigil.alerting.notify.route;

import dev.vigil.alerting.notify.escalation.EscalationPolicy;
import dev.vigil.alerting.notify.time.Schedule;
import java.util.Map;
import java.util.Set;

/**
 * What routes may refer to by name while the tree is compiled.
 *
 * @param receivers the receivers' names
 * @param timeIntervals the named time intervals
 * @param escalationPolicies the named escalation policies
 */
public record RouteContext(Set<String> receivers, Map<String, Schedule> timeIntervals,
        Map<String, EscalationPolicy> escalationPolicies) {

    /** Copies. */
    public RouteContext {
        receivers = Set.copyOf(receivers);
        timeIntervals = Map.copyOf(timeIntervals);
        escalationPolicies = Map.copyOf(escalationPolicies);
    }
}
