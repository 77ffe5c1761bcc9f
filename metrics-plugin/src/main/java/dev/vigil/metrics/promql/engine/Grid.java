package dev.vigil.metrics.promql.engine;

/**
 * The evaluation times of an expression: {@code count} times from {@code start}, {@code step} apart, in
 * milliseconds. A query has one grid; each subquery evaluates its inner expression on a grid of its own.
 * A grid may be empty when a subquery's range holds no aligned time.
 */
record Grid(long start, long step, int count) {

    Grid {
        if (step <= 0 || count < 0) {
            throw new IllegalArgumentException("bad grid: step " + step + ", count " + count);
        }
    }

    /** A grid of one time. */
    static Grid single(long time) {
        return new Grid(time, 1, 1);
    }

    /** The grid of the times from {@code start} to {@code end} (included when aligned), {@code step} apart. */
    static Grid between(long start, long end, long step) {
        if (end < start) {
            return new Grid(start, step, 0);
        }
        long count = (end - start) / step + 1;
        if (count > Integer.MAX_VALUE) {
            throw Execution.tooManySamples();
        }
        return new Grid(start, step, (int) count);
    }

    /** The time of step {@code index}. */
    long time(int index) {
        return start + index * step;
    }

    /** The last time; only meaningful when the grid is not empty. */
    long end() {
        return start + (count - 1L) * step;
    }

    /** The first time of this grid alone, for expressions whose value does not depend on the step. */
    Grid first() {
        return new Grid(start, step, Math.min(count, 1));
    }
}
