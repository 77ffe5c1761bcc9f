package dev.vigil.metrics.promql.conformance;

import static java.util.Objects.requireNonNull;

/**
 * {@code eval instant at <time> <expr>} or {@code eval range from <a> to <b> step <s> <expr>}, with what it
 * expects. Each one is a conformance case.
 *
 * @param line where the eval line is, from 1
 * @param expression the PromQL expression
 * @param timing when to evaluate it
 * @param expected the expected value or error
 * @param annotations the expected warnings and infos
 */
record EvalCommand(int line, String expression, Timing timing, ExpectedResult expected, ExpectedAnnotations annotations)
        implements ScriptCommand {

    /** Checks the parts. */
    EvalCommand {
        requireNonNull(expression, "expression is null");
        requireNonNull(timing, "timing is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(annotations, "annotations is null");
    }

    /**
     * When an eval runs, in milliseconds since the epoch. For an instant query, {@code start == end} is the
     * evaluation time and {@code step} is 0, unless an expected range vector gives the window of its points:
     * then the query runs at {@code end} and its points are expected at {@code start}, {@code start + step}, …
     *
     * @param range whether this is a range query
     * @param start the first step
     * @param end the last step
     * @param step the resolution
     */
    record Timing(boolean range, long start, long end, long step) {

        /** An instant query at {@code time}. */
        static Timing instant(long time) {
            return new Timing(false, time, time, 0);
        }

        /** The time of the point at {@code index}. */
        long stepTime(int index) {
            return start + index * step;
        }
    }
}
