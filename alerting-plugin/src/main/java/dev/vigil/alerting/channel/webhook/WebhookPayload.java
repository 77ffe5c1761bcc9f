package dev.vigil.alerting.channel.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.Rfc3339;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.util.List;

/**
 * Alertmanager's webhook payload, version 4: the group's receiver, status, alerts, group and common labels, common
 * annotations, external URL, group key and the number of alerts left out. An alert's {@code endsAt} is Go's zero
 * time while it fires, as Alertmanager sends it. Stateless.
 */
public final class WebhookPayload {

    /** The payload version this class writes. */
    public static final String VERSION = "4";

    private WebhookPayload() {}

    /**
     * The payload for {@code notification}.
     *
     * @param maxAlerts the most alerts to include, or 0 for all; those left out are added to {@code truncatedAlerts}
     * @param externalUrl the value of {@code externalURL}
     */
    public static ObjectNode of(Notification notification, int maxAlerts, String externalUrl) {
        List<Alert> alerts = notification.alerts();
        int truncated = notification.truncatedAlerts();
        if (maxAlerts > 0 && alerts.size() > maxAlerts) {
            truncated += alerts.size() - maxAlerts;
            alerts = alerts.subList(0, maxAlerts);
        }
        ObjectNode payload = Json.object();
        payload.put("receiver", notification.receiver());
        payload.put("status", notification.status().wireName());
        ArrayNode list = payload.putArray("alerts");
        for (Alert alert : alerts) {
            list.add(alert(alert));
        }
        payload.set("groupLabels", Json.strings(notification.groupLabels()));
        payload.set("commonLabels", Json.strings(notification.commonLabels()));
        payload.set("commonAnnotations", Json.strings(notification.commonAnnotations()));
        payload.put("externalURL", externalUrl);
        payload.put("version", VERSION);
        payload.put("groupKey", notification.groupKey());
        payload.put("truncatedAlerts", truncated);
        return payload;
    }

    private static ObjectNode alert(Alert alert) {
        ObjectNode node = Json.object();
        node.put("status", alert.status().wireName());
        node.set("labels", Json.strings(alert.labels()));
        node.set("annotations", Json.strings(alert.annotations()));
        node.put("startsAt", Rfc3339.format(alert.startsAt()));
        node.put("endsAt",
                alert.status() == AlertStatus.FIRING ? Rfc3339.ZERO_TIME : Rfc3339.formatOrZero(alert.endsAt()));
        node.put("generatorURL", alert.generatorUrl());
        node.put("fingerprint", alert.fingerprint());
        return node;
    }
}
