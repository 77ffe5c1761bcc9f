package dev.vigil.logging.logql;

/** The aggregations over the series of a vector, as in PromQL. */
public enum VectorOp {
    /** The sum. */
    SUM("sum"),
    /** The mean. */
    AVG("avg"),
    /** The number of series. */
    COUNT("count"),
    /** The largest value. */
    MAX("max"),
    /** The smallest value. */
    MIN("min"),
    /** The population standard deviation. */
    STDDEV("stddev"),
    /** The population variance. */
    STDVAR("stdvar"),
    /** The {@code k} series with the largest values, keeping their labels. */
    TOPK("topk"),
    /** The {@code k} series with the smallest values, keeping their labels. */
    BOTTOMK("bottomk"),
    /** The series in ascending order of value. */
    SORT("sort"),
    /** The series in descending order of value. */
    SORT_DESC("sort_desc");

    private final String function;

    VectorOp(String function) {
        this.function = function;
    }

    /** The aggregation's name in LogQL. */
    public String function() {
        return function;
    }

    /** Whether it takes the parameter {@code k}. */
    boolean takesParameter() {
        return this == TOPK || this == BOTTOMK;
    }

    /** Whether it keeps the series as they are (selecting or ordering) rather than making one per group. */
    boolean keepsSeries() {
        return this == TOPK || this == BOTTOMK || this == SORT || this == SORT_DESC;
    }
}
