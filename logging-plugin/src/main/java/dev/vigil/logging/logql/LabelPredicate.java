package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.metrics.LabelMatcher;

/** What a label filter stage tests. Immutable; {@link #toString()} writes it as LogQL. */
public sealed interface LabelPredicate {

    /**
     * Both hold ({@code and}, a comma, or two filters side by side).
     *
     * @param left the first
     * @param right the second
     */
    record And(LabelPredicate left, LabelPredicate right) implements LabelPredicate {

        /** Checks. */
        public And {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public String toString() {
            return wrap(left) + " and " + wrap(right);
        }
    }

    /**
     * Either holds.
     *
     * @param left the first
     * @param right the second
     */
    record Or(LabelPredicate left, LabelPredicate right) implements LabelPredicate {

        /** Checks. */
        public Or {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public String toString() {
            return wrap(left) + " or " + wrap(right);
        }
    }

    /**
     * A string comparison, such as {@code level="error"} or {@code path=~"/api/.*"}; an absent label is {@code ""}.
     *
     * @param matcher the comparison
     */
    record Match(LabelMatcher matcher) implements LabelPredicate {

        /** Checks. */
        public Match {
            requireNonNull(matcher, "matcher is null");
        }

        @Override
        public String toString() {
            return LogSelectorExpr.format(matcher);
        }
    }

    /**
     * A numeric comparison, such as {@code status >= 500}.
     *
     * @param label the label
     * @param op the comparison
     * @param value the number
     */
    record Numeric(String label, CompareOp op, double value) implements LabelPredicate {

        /** Checks. */
        public Numeric {
            requireNonNull(label, "label is null");
            requireNonNull(op, "op is null");
        }

        @Override
        public String toString() {
            return label + op.symbol() + GoNumbers.format(value);
        }
    }

    /**
     * A duration comparison, such as {@code latency > 250ms}: the label's value is read as a Go duration.
     *
     * @param label the label
     * @param op the comparison
     * @param nanos the duration
     */
    record Duration(String label, CompareOp op, long nanos) implements LabelPredicate {

        /** Checks. */
        public Duration {
            requireNonNull(label, "label is null");
            requireNonNull(op, "op is null");
        }

        @Override
        public String toString() {
            return label + op.symbol() + Durations.formatPrometheus(nanos);
        }
    }

    /**
     * A size comparison, such as {@code size > 10KB}: the label's value is read as a size.
     *
     * @param label the label
     * @param op the comparison
     * @param bytes the size
     * @param text the size as written
     */
    record Bytes(String label, CompareOp op, long bytes, String text) implements LabelPredicate {

        /** Checks. */
        public Bytes {
            requireNonNull(label, "label is null");
            requireNonNull(op, "op is null");
            requireNonNull(text, "text is null");
        }

        @Override
        public String toString() {
            return label + op.symbol() + text;
        }
    }

    private static String wrap(LabelPredicate p) {
        return p instanceof And || p instanceof Or ? "(" + p + ")" : p.toString();
    }
}
