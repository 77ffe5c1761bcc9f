package dev.vigil.metrics.promql.ast;

/**
 * An {@code @} modifier: evaluate at a fixed time instead of the evaluation time.
 *
 * @param kind a fixed timestamp, or the start or end of the query
 * @param timestamp the fixed time in milliseconds since the epoch when {@code kind} is {@code TIMESTAMP}
 */
public record At(Kind kind, long timestamp) {

    /** What the modifier names. */
    public enum Kind {
        /** {@code @ 1609746000}. */
        TIMESTAMP,
        /** {@code @ start()}. */
        START,
        /** {@code @ end()}. */
        END
    }

    /** The modifier {@code @ <timestamp>}. */
    public static At timestamp(long millis) {
        return new At(Kind.TIMESTAMP, millis);
    }

    /** The time this modifier pins evaluation to, for a query from {@code start} to {@code end}. */
    public long resolve(long start, long end) {
        return switch (kind) {
            case TIMESTAMP -> timestamp;
            case START -> start;
            case END -> end;
        };
    }
}
