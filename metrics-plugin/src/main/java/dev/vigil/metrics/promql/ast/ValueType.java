package dev.vigil.metrics.promql.ast;

/** The four types a PromQL expression can have. */
public enum ValueType {
    SCALAR("scalar"),
    STRING("string"),
    VECTOR("instant vector"),
    MATRIX("range vector");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** The type as Prometheus names it in error messages, such as {@code instant vector}. */
    public String description() {
        return description;
    }
}
