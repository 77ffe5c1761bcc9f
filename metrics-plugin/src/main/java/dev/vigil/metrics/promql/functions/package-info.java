/**
 * The numeric kernels of PromQL's functions, free of the evaluator: range functions over a {@link
 * dev.vigil.metrics.promql.functions.Window}, element-wise functions, and the classic-histogram and summation
 * helpers the evaluator's aggregations share.
 */
@NullMarked
package dev.vigil.metrics.promql.functions;

import org.jspecify.annotations.NullMarked;
