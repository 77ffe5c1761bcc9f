package dev.vigil.api.alerting;

/** Whether an alert, or a notification about a group of alerts, is firing or resolved. */
public enum AlertStatus {
    /** The condition holds. */
    FIRING("firing"),
    /** The condition no longer holds. */
    RESOLVED("resolved");

    private final String wireName;

    AlertStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The status as Alertmanager's payloads spell it: {@code firing} or {@code resolved}. */
    public String wireName() {
        return wireName;
    }
}
