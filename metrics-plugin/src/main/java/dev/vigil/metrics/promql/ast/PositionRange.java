package dev.vigil.metrics.promql.ast;

/**
 * Where a node sits in the expression text: character offsets, {@code start} included and {@code end}
 * excluded.
 */
public record PositionRange(int start, int end) {

    /** Checks the offsets. */
    public PositionRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad position range " + start + ".." + end);
        }
    }
}
