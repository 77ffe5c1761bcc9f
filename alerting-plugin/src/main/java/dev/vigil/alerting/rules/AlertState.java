package dev.vigil.alerting.rules;

/** The state of one alert of an alerting rule, and the most severe state among a rule's alerts. */
public enum AlertState {
    /** The alert's condition no longer holds; it is kept a while to be sent as resolved. */
    INACTIVE("inactive"),
    /** The condition holds, for less than the rule's {@code for} duration so far. */
    PENDING("pending"),
    /** The condition has held for the rule's {@code for} duration, or the alert keeps firing. */
    FIRING("firing");

    private final String apiName;

    AlertState(String apiName) {
        this.apiName = apiName;
    }

    /** The name in Prometheus's API and in the {@code alertstate} label. */
    public String apiName() {
        return apiName;
    }
}
