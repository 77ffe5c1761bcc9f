package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.ast.At;
import org.jspecify.annotations.Nullable;

/**
 * The times of one query that every operator needs: its start and end (equal for an instant query), its
 * step (0 for an instant query), the lookback of instant selectors and the step of subqueries that give none.
 * All in milliseconds.
 */
record QueryTimes(long start, long end, long step, long lookback, long defaultSubqueryStep) {

    /** Where a selector or subquery evaluated at {@code time} looks: its {@code @} time, or {@code time}, minus its offset. */
    long reference(@Nullable At at, long offset, long time) {
        return (at == null ? time : at.resolve(start, end)) - offset;
    }

    /** The step a subquery uses. */
    long subqueryStep(long step) {
        return step > 0 ? step : defaultSubqueryStep;
    }

    /**
     * The grid a subquery evaluates its expression on to serve references from {@code firstRef} to
     * {@code lastRef}: the multiples of its step after {@code firstRef - range}, up to {@code lastRef}.
     */
    static Grid subqueryGrid(long firstRef, long lastRef, long range, long step) {
        long from = firstRef - range;
        long start = Math.floorDiv(from, step) * step;
        if (start <= from) {
            start += step;
        }
        return Grid.between(start, lastRef, step);
    }
}
