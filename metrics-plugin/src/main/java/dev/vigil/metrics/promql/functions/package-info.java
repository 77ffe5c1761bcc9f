/**
 * The numeric kernels of PromQL's functions, free of the evaluator: range functions over a {@link
 * dev.vigil.metrics.promql.functions.Window}, element-wise functions (both found by name in {@link
 * dev.vigil.metrics.promql.functions.FunctionKernels}), and the arithmetic the evaluator's aggregations and
 * histogram functions share: compensated sums and means, variance, quantiles, classic histogram buckets, the
 * reading of {@code le} labels and the wording of annotations, all matching Prometheus's results.
 */
@NullMarked
package dev.vigil.metrics.promql.functions;

import org.jspecify.annotations.NullMarked;
