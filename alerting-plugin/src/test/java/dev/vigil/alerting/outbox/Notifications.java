package dev.vigil.alerting.outbox;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Notifications for tests. */
final class Notifications {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Notifications() {}

    /** A firing notification {@code id} for {@code receiver} about one alert named {@code alertName}. */
    static Notification firing(String id, String receiver, String alertName) {
        Alert alert = new Alert(AlertStatus.FIRING, Map.of("alertname", alertName, "instance", "db-1:9100", "severity", "page"),
                Map.of("summary", "db-1 is down", "runbook_url", "https://runbooks.example/db"), START, Optional.empty(),
                "http://vigil.example/graph?g0.expr=up", "fp-" + alertName);
        return new Notification(id, receiver, AlertStatus.FIRING, List.of(alert), Map.of("alertname", alertName),
                Map.of("alertname", alertName, "severity", "page"), Map.of("summary", "db-1 is down"), "http://vigil.example",
                "{}:{alertname=\"" + alertName + "\"}", 0, START);
    }

    /** A resolved notification with two alerts, one of which has an end. */
    static Notification resolved(String id, String receiver) {
        Alert first = new Alert(AlertStatus.RESOLVED, Map.of("alertname", "DiskFull", "device", "/dev/sda1"), Map.of("summary", "full"),
                START, Optional.of(START.plusSeconds(600)), "", "fp-1");
        Alert second = new Alert(AlertStatus.RESOLVED, Map.of("alertname", "DiskFull", "device", "/dev/sdb1"), Map.of(),
                START.plusNanos(123_456_789), Optional.of(START.plusSeconds(601)), "", "fp-2");
        return new Notification(id, receiver, AlertStatus.RESOLVED, List.of(first, second), Map.of("alertname", "DiskFull"),
                Map.of("alertname", "DiskFull"), Map.of(), "http://vigil.example", "{}:{alertname=\"DiskFull\"}", 3, START.plusSeconds(602));
    }

    /** A firing notification for {@code receiver} about alert {@code Test}. */
    static Notification firing(String id, String receiver) {
        return firing(id, receiver, "Test");
    }
}
