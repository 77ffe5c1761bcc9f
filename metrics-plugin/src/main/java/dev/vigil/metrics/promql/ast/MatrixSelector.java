package dev.vigil.metrics.promql.ast;

import static java.util.Objects.requireNonNull;

/**
 * A range vector selector such as {@code http_requests_total[5m] offset 1m}. The offset and {@code @}
 * modifier, wherever they were written, are kept on the inner selector, as Prometheus does.
 *
 * @param selector the series and modifiers
 * @param range the range in milliseconds; the window is {@code (t - range, t]}
 * @param position where it is in the text
 */
public record MatrixSelector(VectorSelector selector, long range, PositionRange position) implements Expr {

    /** Checks the parts. */
    public MatrixSelector {
        requireNonNull(selector, "selector is null");
        requireNonNull(position, "position is null");
    }

    @Override
    public ValueType type() {
        return ValueType.MATRIX;
    }
}
