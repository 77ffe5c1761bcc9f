package dev.vigil.metrics.promql.ast;

import org.jspecify.annotations.Nullable;

/** The aggregation operators, and the type of the parameter those that take one need. */
public enum AggregateOp {
    SUM("sum", null),
    AVG("avg", null),
    COUNT("count", null),
    MIN("min", null),
    MAX("max", null),
    GROUP("group", null),
    STDDEV("stddev", null),
    STDVAR("stdvar", null),
    TOPK("topk", ValueType.SCALAR),
    BOTTOMK("bottomk", ValueType.SCALAR),
    QUANTILE("quantile", ValueType.SCALAR),
    COUNT_VALUES("count_values", ValueType.STRING),
    LIMITK("limitk", ValueType.SCALAR),
    LIMIT_RATIO("limit_ratio", ValueType.SCALAR);

    private final String keyword;
    private final @Nullable ValueType parameterType;

    AggregateOp(String keyword, @Nullable ValueType parameterType) {
        this.keyword = keyword;
        this.parameterType = parameterType;
    }

    /** The operator as written. */
    public String keyword() {
        return keyword;
    }

    /** The type of the first argument, or null when the operator takes none. */
    public @Nullable ValueType parameterType() {
        return parameterType;
    }

    /** The operator written {@code keyword}, or null. */
    public static @Nullable AggregateOp byKeyword(String keyword) {
        for (AggregateOp op : values()) {
            if (op.keyword.equals(keyword)) {
                return op;
            }
        }
        return null;
    }
}
