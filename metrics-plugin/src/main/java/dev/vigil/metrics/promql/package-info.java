/**
 * A PromQL engine over the {@link dev.vigil.api.metrics.MetricStore} SPI: the parser ({@code parser}), the
 * syntax tree ({@code ast}), the evaluator ({@code engine}) and the numeric kernels of the functions
 * ({@code functions}).
 */
@NullMarked
package dev.vigil.metrics.promql;

import org.jspecify.annotations.NullMarked;
