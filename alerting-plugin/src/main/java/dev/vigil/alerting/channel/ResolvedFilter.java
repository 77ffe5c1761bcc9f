package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A channel's {@code sendResolved} setting, with Alertmanager's meaning: when it is off, resolved alerts are left
 * out of what the channel sends, and a notification with no firing alert left is not sent at all (the delivery
 * counts as done, with the detail {@value #SKIPPED}). The common labels and annotations are then those of the
 * firing alerts. Stateless.
 */
public final class ResolvedFilter {

    /** The detail of a notification not sent because resolved notifications are off. */
    public static final String SKIPPED = "resolved notifications disabled";

    private ResolvedFilter() {}

    /**
     * What a channel should send of {@code notification}.
     *
     * @return the notification itself when {@code sendResolved} is on or it holds no resolved alert; only its
     *     firing alerts when some fire; empty when none fires and nothing is to be sent
     */
    public static Optional<Notification> apply(Notification notification, boolean sendResolved) {
        if (sendResolved || notification.resolved().isEmpty()) {
            return Optional.of(notification);
        }
        List<Alert> firing = notification.firing();
        if (firing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Notification(notification.id(), notification.receiver(), AlertStatus.FIRING, firing,
                notification.groupLabels(), common(firing, Alert::labels), common(firing, Alert::annotations),
                notification.externalUrl(), notification.groupKey(), notification.truncatedAlerts(),
                notification.createdAt()));
    }

    /**
     * Delivers what a channel should send of {@code notification} (see {@link #apply}) through {@code send}, or
     * returns {@link #skipped()} when nothing is to be sent.
     */
    public static DeliveryResult deliver(Notification notification, boolean sendResolved,
            Function<Notification, DeliveryResult> send) {
        return apply(notification, sendResolved).map(send).orElseGet(ResolvedFilter::skipped);
    }

    /** The result of a notification that was not sent because resolved notifications are off. */
    public static DeliveryResult skipped() {
        return DeliveryResult.delivered(SKIPPED);
    }

    private static Map<String, String> common(List<Alert> alerts, Function<Alert, Map<String, String>> part) {
        Map<String, String> common = new HashMap<>(part.apply(alerts.get(0)));
        for (Alert alert : alerts.subList(1, alerts.size())) {
            Map<String, String> other = part.apply(alert);
            common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
        }
        return common;
    }
}
