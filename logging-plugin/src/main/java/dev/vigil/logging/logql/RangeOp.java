package dev.vigil.logging.logql;

/** The range aggregations this engine runs: each turns the log lines of a time window into one number per series. */
public enum RangeOp {
    /** How many lines in the window. */
    COUNT_OVER_TIME("count_over_time"),
    /** How many lines per second: the count divided by the window's seconds. */
    RATE("rate"),
    /** How many bytes the lines hold in the window. */
    BYTES_OVER_TIME("bytes_over_time"),
    /** How many bytes per second. */
    BYTES_RATE("bytes_rate");

    private final String function;

    RangeOp(String function) {
        this.function = function;
    }

    /** The function's name in LogQL. */
    public String function() {
        return function;
    }

    /** Whether it sums line sizes rather than counting lines. */
    boolean countsBytes() {
        return this == BYTES_OVER_TIME || this == BYTES_RATE;
    }

    /** Whether it divides by the window's length in seconds. */
    boolean perSecond() {
        return this == RATE || this == BYTES_RATE;
    }
}
