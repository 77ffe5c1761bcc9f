package dev.vigil.api.alerting;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A message about one group of alerts for one receiver: what a channel turns into a webhook call, a Slack
 * message or an e-mail. The fields are those of Alertmanager's webhook payload (version 4), plus the
 * delivery identity Vigil adds.
 *
 * @param id this notification's unique id; a channel may pass it on so the receiving side can spot a
 *     repeat (after a crash and restart the same notification is delivered again with the same id)
 * @param receiver the name of the receiver the route chose
 * @param status firing when at least one alert fires, else resolved
 * @param alerts the alerts of the group, firing and resolved
 * @param groupLabels the labels the group is keyed by (the route's {@code group_by})
 * @param commonLabels the labels all alerts share
 * @param commonAnnotations the annotations all alerts share
 * @param externalUrl where the platform's UI or API is reached, for links back
 * @param groupKey identifies the group across notifications (for PagerDuty's {@code dedup_key}, an Opsgenie
 *     alias or a thread key)
 * @param truncatedAlerts how many alerts were left out because of a limit
 * @param createdAt when the pipeline produced the notification
 */
@Experimental
public record Notification(String id, String receiver, AlertStatus status, List<Alert> alerts,
        Map<String, String> groupLabels, Map<String, String> commonLabels, Map<String, String> commonAnnotations,
        String externalUrl, String groupKey, int truncatedAlerts, Instant createdAt) {

    /** Checks and copies. */
    public Notification {
        requireNonNull(id, "id is null");
        requireNonNull(receiver, "receiver is null");
        requireNonNull(status, "status is null");
        alerts = List.copyOf(alerts);
        groupLabels = sorted(groupLabels, "groupLabels");
        commonLabels = sorted(commonLabels, "commonLabels");
        commonAnnotations = sorted(commonAnnotations, "commonAnnotations");
        requireNonNull(externalUrl, "externalUrl is null");
        requireNonNull(groupKey, "groupKey is null");
        if (truncatedAlerts < 0) {
            throw new IllegalArgumentException("truncatedAlerts is negative: " + truncatedAlerts);
        }
        requireNonNull(createdAt, "createdAt is null");
    }

    /** The alerts that fire. */
    public List<Alert> firing() {
        return alerts.stream().filter(a -> a.status() == AlertStatus.FIRING).toList();
    }

    /** The alerts that have resolved. */
    public List<Alert> resolved() {
        return alerts.stream().filter(a -> a.status() == AlertStatus.RESOLVED).toList();
    }

    private static Map<String, String> sorted(Map<String, String> map, String what) {
        return Collections.unmodifiableMap(new TreeMap<>(requireNonNull(map, what + " is null")));
    }
}
