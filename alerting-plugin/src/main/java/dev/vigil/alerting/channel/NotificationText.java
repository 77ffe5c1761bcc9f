package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.Notification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The texts every channel derives from a notification the same way, so that a group reads alike in Slack, an
 * e-mail and PagerDuty: Alertmanager's default subject, an alert's title and summary, a plain-text listing, and the
 * stable key that PagerDuty and Opsgenie deduplicate on. Stateless.
 */
public final class NotificationText {

    private NotificationText() {}

    /**
     * The subject Alertmanager's default templates give a group: the status in capitals with the number of firing
     * alerts, the values of the group labels, and in parentheses the values of the other labels all alerts share
     * — {@code [FIRING:2] HighLatency api (prod eu-west)} or {@code [RESOLVED] HighLatency api}.
     */
    public static String subject(Notification notification) {
        StringBuilder out = new StringBuilder("[").append(notification.status().wireName().toUpperCase(Locale.ROOT));
        if (notification.status() == AlertStatus.FIRING) {
            out.append(':').append(notification.firing().size());
        }
        out.append(']');
        String group = groupValues(notification);
        if (!group.isEmpty()) {
            out.append(' ').append(group);
        }
        String others = otherCommonValues(notification);
        if (!others.isEmpty()) {
            out.append(" (").append(others).append(')');
        }
        return out.toString();
    }

    /** The values of the group labels, ordered by label name, separated by spaces. */
    public static String groupValues(Notification notification) {
        return String.join(" ", notification.groupLabels().values());
    }

    /** The values of the common labels that are not group labels, ordered by label name, separated by spaces. */
    public static String otherCommonValues(Notification notification) {
        return notification.commonLabels().entrySet().stream()
                .filter(e -> !notification.groupLabels().containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .collect(Collectors.joining(" "));
    }

    /** An alert's name ({@code alertname}), or {@code alert} when it has none. */
    public static String title(Alert alert) {
        String name = alert.name();
        return name.isEmpty() ? "alert" : name;
    }

    /** An alert's {@code summary} annotation, else its {@code description}, else {@code message}, else {@code ""}. */
    public static String summary(Alert alert) {
        for (String key : List.of("summary", "description", "message")) {
            String value = alert.annotations().get(key);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    /** {@code name=value} pairs, ordered by name, separated by {@code ", "}. */
    public static String pairs(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * A plain-text listing of {@code alerts}: for each, its labels, its annotations, when it started (and ended)
     * and its source link.
     */
    public static String listing(List<Alert> alerts) {
        StringBuilder out = new StringBuilder();
        for (Alert alert : alerts) {
            out.append("Labels:\n");
            alert.labels().forEach((k, v) -> out.append(" - ").append(k).append(" = ").append(v).append('\n'));
            if (!alert.annotations().isEmpty()) {
                out.append("Annotations:\n");
                alert.annotations().forEach((k, v) -> out.append(" - ").append(k).append(" = ").append(v).append('\n'));
            }
            out.append("Started: ").append(Rfc3339.format(alert.startsAt())).append('\n');
            alert.endsAt().ifPresent(end -> out.append("Ended: ").append(Rfc3339.format(end)).append('\n'));
            if (!alert.generatorUrl().isEmpty()) {
                out.append("Source: ").append(alert.generatorUrl()).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** How many alerts fire and how many resolved: {@code 2 firing, 1 resolved}. */
    public static String counts(Notification notification) {
        int firing = notification.firing().size();
        int resolved = notification.resolved().size();
        StringBuilder out = new StringBuilder();
        if (firing > 0) {
            out.append(firing).append(" firing");
        }
        if (resolved > 0) {
            out.append(out.length() > 0 ? ", " : "").append(resolved).append(" resolved");
        }
        if (notification.truncatedAlerts() > 0) {
            out.append(out.length() > 0 ? ", " : "").append(notification.truncatedAlerts()).append(" not shown");
        }
        return out.toString();
    }

    /** The notification's external URL, or the platform's when the notification has none. */
    public static String externalUrl(Notification notification, ChannelContext context) {
        return notification.externalUrl().isEmpty() ? context.externalUrl() : notification.externalUrl();
    }

    /**
     * A stable key for a group, the same for every notification about it: the SHA-256 of the group key, as 64
     * lower-case hex digits. Short enough for PagerDuty's {@code dedup_key} (255) and Opsgenie's alias (512), and
     * free of the label values a raw group key would reveal.
     */
    public static String groupKeyHash(String groupKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(groupKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
