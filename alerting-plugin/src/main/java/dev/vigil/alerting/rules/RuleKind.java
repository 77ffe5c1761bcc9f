package dev.vigil.alerting.rules;

/** Whether a rule records series or raises alerts. */
public enum RuleKind {
    /** An alerting rule. */
    ALERTING("alerting"),
    /** A recording rule. */
    RECORDING("recording");

    private final String apiName;

    RuleKind(String apiName) {
        this.apiName = apiName;
    }

    /** The {@code type} in Prometheus's rules API. */
    public String apiName() {
        return apiName;
    }
}
