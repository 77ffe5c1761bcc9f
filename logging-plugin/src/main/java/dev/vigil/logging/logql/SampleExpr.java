package dev.vigil.logging.logql;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** A metric query: its result is a number per series and time. Immutable; {@link #toString()} writes it as LogQL. */
public sealed interface SampleExpr extends Expr {

    /**
     * A range aggregation such as {@code count_over_time({app="api"} |= "error" [5m])}.
     *
     * @param op the aggregation
     * @param selector the lines aggregated
     * @param rangeNanos the window's length
     */
    record RangeAggregation(RangeOp op, LogSelectorExpr selector, long rangeNanos) implements SampleExpr {

        /** Checks. */
        public RangeAggregation {
            requireNonNull(op, "op is null");
            requireNonNull(selector, "selector is null");
            if (rangeNanos <= 0) {
                throw new IllegalArgumentException("the range must be positive");
            }
        }

        @Override
        public String toString() {
            return op.function() + "(" + selector + " [" + Durations.formatPrometheus(rangeNanos) + "])";
        }
    }

    /**
     * An aggregation over series such as {@code sum by (level) (...)} or {@code topk(5, ...)}.
     *
     * @param op the aggregation
     * @param grouping the grouping, or null for one group
     * @param parameter {@code k} of {@code topk} and {@code bottomk}; 0 for the others
     * @param inner what is aggregated
     */
    record VectorAggregation(VectorOp op, @Nullable Grouping grouping, int parameter, SampleExpr inner) implements SampleExpr {

        /** Checks. */
        public VectorAggregation {
            requireNonNull(op, "op is null");
            requireNonNull(inner, "inner is null");
        }

        @Override
        public String toString() {
            String by = grouping == null ? "" : " " + grouping;
            return op.function() + by + "(" + (op.takesParameter() ? parameter + ", " : "") + inner + ")";
        }
    }

    /**
     * A binary operation such as {@code a / b}, {@code a > 10} or {@code a > bool 10}.
     *
     * @param op the operator
     * @param returnBool whether a comparison answers 0 or 1 rather than filtering
     * @param left the left operand
     * @param right the right operand
     */
    record BinaryOperation(BinaryOp op, boolean returnBool, SampleExpr left, SampleExpr right) implements SampleExpr {

        /** Checks. */
        public BinaryOperation {
            requireNonNull(op, "op is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
        }

        @Override
        public String toString() {
            return operand(left, op == BinaryOp.POW) + " " + op.symbol() + (returnBool ? " bool " : " ")
                    + operand(right, op != BinaryOp.POW);
        }

        /** An operand, in parentheses when it binds looser than this operator or would regroup. */
        private String operand(SampleExpr e, boolean parenthesizeEqual) {
            if (e instanceof BinaryOperation b && (b.op.precedence() < op.precedence()
                    || (parenthesizeEqual && b.op.precedence() == op.precedence()))) {
                return "(" + e + ")";
            }
            return e.toString();
        }
    }

    /**
     * A number, such as {@code 100}.
     *
     * @param value the number
     */
    record NumberLiteral(double value) implements SampleExpr {

        @Override
        public String toString() {
            return GoNumbers.format(value);
        }
    }

    /**
     * {@code vector(1)}: a vector of one series without labels.
     *
     * @param value its value
     */
    record VectorLiteral(double value) implements SampleExpr {

        @Override
        public String toString() {
            return "vector(" + GoNumbers.format(value) + ")";
        }
    }
}
