package dev.vigil.alerting.rules;

/** How a rule's last evaluation went, as Prometheus's rules API reports it. */
public enum RuleHealth {
    /** Not evaluated yet. */
    UNKNOWN("unknown"),
    /** The last evaluation succeeded. */
    OK("ok"),
    /** The last evaluation failed; the rule's last error says why. */
    ERR("err");

    private final String apiName;

    RuleHealth(String apiName) {
        this.apiName = apiName;
    }

    /** The name in Prometheus's API: {@code ok}, {@code err} or {@code unknown}. */
    public String apiName() {
        return apiName;
    }
}
