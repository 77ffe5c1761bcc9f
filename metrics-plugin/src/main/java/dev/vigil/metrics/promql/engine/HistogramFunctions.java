package dev.vigil.metrics.promql.engine;

import dev.vigil.metrics.promql.PromqlException;
import dev.vigil.metrics.promql.ast.Call;

/** {@code histogram_quantile}, {@code histogram_quantiles} and {@code histogram_fraction} over classic buckets. */
final class HistogramFunctions {

    private HistogramFunctions() {}

    static StepValue eval(Call call, Grid grid, Evaluator evaluator) {
        throw PromqlException.execution("function " + call.function().name() + "() is not supported yet");
    }
}
