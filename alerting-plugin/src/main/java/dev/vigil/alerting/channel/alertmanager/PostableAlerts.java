package dev.vigil.alerting.channel.alertmanager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.Rfc3339;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The body of Alertmanager's {@code POST /api/v2/alerts}: an array of postable alerts, each with {@code labels},
 * {@code annotations}, {@code startsAt}, {@code endsAt} and {@code generatorURL}. A resolved alert carries the time
 * it ended; a firing one carries either no {@code endsAt} or one a fixed time after the notification, so that every
 * retry of a notification sends the same body. Stateless.
 */
public final class PostableAlerts {

    private PostableAlerts() {}

    /**
     * The alerts of {@code notification}.
     *
     * @param firingValidFor how long after the notification firing alerts end unless renewed, or null to leave
     *     their {@code endsAt} out
     */
    public static ArrayNode of(Notification notification, @Nullable Duration firingValidFor) {
        ArrayNode alerts = Json.array();
        for (Alert alert : notification.alerts()) {
            ObjectNode node = alerts.addObject();
            node.set("labels", Json.strings(alert.labels()));
            node.set("annotations", Json.strings(alert.annotations()));
            node.put("startsAt", Rfc3339.format(alert.startsAt()));
            endsAt(alert, notification.createdAt(), firingValidFor)
                    .ifPresent(end -> node.put("endsAt", Rfc3339.format(end)));
            if (!alert.generatorUrl().isEmpty()) {
                // the API declares generatorURL a URI; an empty one would be refused
                node.put("generatorURL", alert.generatorUrl());
            }
        }
        return alerts;
    }

    private static Optional<Instant> endsAt(Alert alert, Instant created, @Nullable Duration firingValidFor) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return Optional.of(alert.endsAt().orElse(created));
        }
        return firingValidFor == null ? Optional.empty() : Optional.of(created.plus(firingValidFor));
    }
}
