package dev.vigil.alerting.channel;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notifications and alerts for channel tests. */
public final class TestNotifications {

    /** When the test alerts start. */
    public static final Instant STARTS_AT = Instant.parse("2026-01-01T09:58:30.25Z");

    /** When the resolved test alerts ended. */
    public static final Instant ENDS_AT = Instant.parse("2026-01-01T10:05:00Z");

    /** The group key of the test notifications. */
    public static final String GROUP_KEY = "{}/{severity=\"critical\"}:{alertname=\"HighLatency\"}";

    private TestNotifications() {}

    /** A firing alert of the {@code HighLatency} group on {@code instance}. */
    public static Alert firing(String instance) {
        return new Alert(AlertStatus.FIRING, labels(instance), annotations(instance), STARTS_AT, Optional.empty(),
                "http://prometheus.example:9090/graph?g0.expr=latency%3E1", fingerprint(instance));
    }

    /** A resolved alert of the {@code HighLatency} group on {@code instance}. */
    public static Alert resolved(String instance) {
        return new Alert(AlertStatus.RESOLVED, labels(instance), annotations(instance), STARTS_AT,
                Optional.of(ENDS_AT), "http://prometheus.example:9090/graph?g0.expr=latency%3E1", fingerprint(instance));
    }

    /** Two firing alerts and one resolved. */
    public static Notification mixed() {
        return notification(List.of(firing("api-1:8080"), firing("api-2:8080"), resolved("api-3:8080")));
    }

    /** One firing alert. */
    public static Notification firingOne() {
        return notification(List.of(firing("api-1:8080")));
    }

    /** Two resolved alerts. */
    public static Notification allResolved() {
        return notification(List.of(resolved("api-1:8080"), resolved("api-2:8080")));
    }

    /** {@code count} firing alerts. */
    public static Notification manyFiring(int count) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alerts.add(firing("api-" + i + ":8080"));
        }
        return notification(alerts);
    }

    /**
     * A notification of the {@code HighLatency} group for the {@code ops} receiver: grouped by alertname, with
     * {@code job}, {@code severity} and {@code alertname} common to all alerts.
     */
    public static Notification notification(List<Alert> alerts) {
        boolean anyFiring = alerts.stream().anyMatch(a -> a.status() == AlertStatus.FIRING);
        return new Notification("n-0001", "ops", anyFiring ? AlertStatus.FIRING : AlertStatus.RESOLVED, alerts,
                Map.of("alertname", "HighLatency"),
                Map.of("alertname", "HighLatency", "job", "api", "severity", "critical"),
                Map.of("runbook_url", "https://runbooks.example/latency"),
                TestingChannelContext.EXTERNAL_URL, GROUP_KEY, 0, Instant.parse("2026-01-01T10:00:00Z"));
    }

    private static Map<String, String> labels(String instance) {
        return Map.of("alertname", "HighLatency", "job", "api", "severity", "critical", "instance", instance);
    }

    private static Map<String, String> annotations(String instance) {
        return Map.of("summary", "Latency above 1s on " + instance, "runbook_url", "https://runbooks.example/latency");
    }

    private static String fingerprint(String instance) {
        return String.format("%016x", instance.hashCode() & 0xffffffffL);
    }
}
