package dev.vigil.alerting.notify.dispatch;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.store.StoredAlert;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds the notification about a group for one receiver. Its id is derived from what it reports and from the
 * receiver's previous notification, so that deciding the same notification again after a crash (before the
 * notification log was saved) yields the same id, which the outbox recognises as a repeat. Thread-safe.
 */
final class NotificationFactory {

    /** Alertmanager's order: by {@code job}, then {@code instance} (alerts with them first), then all labels. */
    static final Comparator<StoredAlert> ORDER = NotificationFactory::compare;

    private final String externalUrl;

    NotificationFactory(String externalUrl) {
        this.externalUrl = requireNonNull(externalUrl, "externalUrl is null");
    }

    /** The notice that {@code group}, whose firing {@code alerts} are all acknowledged, is acknowledged. */
    Notification acknowledgement(AggregationGroup group, String receiver, List<StoredAlert> alerts, Instant now) {
        Notification n = build(group, receiver, alerts, now, Optional.empty());
        String id = id(group.key(), "acknowledged\0" + receiver, alerts, now, Optional.empty());
        return new Notification(id, n.receiver(), n.status(), n.alerts(), n.groupLabels(), n.commonLabels(),
                n.commonAnnotations(), n.externalUrl(), n.groupKey(), n.truncatedAlerts(), n.createdAt());
    }

    Notification build(AggregationGroup group, String receiver, List<StoredAlert> alerts, Instant now,
            Optional<LogEntry> previous) {
        List<StoredAlert> sorted = new ArrayList<>(alerts);
        sorted.sort(ORDER);
        boolean firing = sorted.stream().anyMatch(a -> !a.resolvedAt(now));
        int max = group.route().options().maxAlerts();
        int truncated = max > 0 && sorted.size() > max ? sorted.size() - max : 0;
        List<Alert> payload = new ArrayList<>(sorted.size() - truncated);
        for (int i = 0; i < sorted.size() - truncated; i++) {
            payload.add(sorted.get(i).toAlert(now));
        }
        return new Notification(id(group.key(), receiver, sorted, now, previous), receiver,
                firing ? AlertStatus.FIRING : AlertStatus.RESOLVED, payload, group.labels().asMap(),
                common(sorted, true), common(sorted, false), externalUrl, group.key(), truncated, now);
    }

    private static String id(String groupKey, String receiver, List<StoredAlert> alerts, Instant now,
            Optional<LogEntry> previous) {
        StringBuilder identity = new StringBuilder(receiver).append('\0').append(groupKey).append('\0')
                .append(previous.map(e -> e.timestamp().toString()).orElse("-"));
        alerts.stream().sorted(Comparator.comparingLong(StoredAlert::fingerprint)).forEach(a -> {
            boolean resolved = a.resolvedAt(now);
            identity.append('\0').append(a.fingerprintHex()).append(resolved ? " resolved " : " firing ")
                    .append(resolved ? a.endsAt() : a.startsAt());
        });
        return UUID.nameUUIDFromBytes(identity.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Map<String, String> common(List<StoredAlert> alerts, boolean labels) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new HashMap<>(labels ? alerts.get(0).labels().asMap() : alerts.get(0).annotations());
        for (int i = 1; i < alerts.size() && !common.isEmpty(); i++) {
            Map<String, String> other = labels ? alerts.get(i).labels().asMap() : alerts.get(i).annotations();
            common.entrySet().removeIf(e -> !e.getValue().equals(other.get(e.getKey())));
        }
        return common;
    }

    private static int compare(StoredAlert a, StoredAlert b) {
        for (String name : new String[] {"job", "instance"}) {
            String x = a.labels().get(name);
            String y = b.labels().get(name);
            if (x == null && y == null) {
                continue;
            }
            if (x == null) {
                return 1;
            }
            if (y == null) {
                return -1;
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return a.labels().compareTo(b.labels());
    }
}
