package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.metrics.promql.ast.FunctionSignature;
import dev.vigil.metrics.promql.ast.ValueType;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FunctionKernelsTest {

    /** Range functions whose result depends on more than one series: the evaluator's. */
    private static final Set<String> EVALUATOR_RANGE_FUNCTIONS = Set.of("absent_over_time");

    @Test
    void everyRangeFunctionOfTheTableHasAKernel() {
        Set<String> expected = new TreeSet<>();
        for (FunctionSignature signature : FunctionSignature.all().values()) {
            if (signature.argTypes().contains(ValueType.MATRIX) && !EVALUATOR_RANGE_FUNCTIONS.contains(signature.name())) {
                expected.add(signature.name());
            }
        }

        assertThat(new TreeSet<>(FunctionKernels.range().keySet())).isEqualTo(expected);
    }

    @Test
    void everyElementFunctionIsAVectorFunctionOfTheTable() {
        Set<String> names = Set.of("abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "deg", "rad",
                "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
                "round", "clamp", "clamp_min", "clamp_max", "day_of_month", "day_of_week", "day_of_year",
                "days_in_month", "hour", "minute", "month", "year");

        assertThat(FunctionKernels.element().keySet()).isEqualTo(names);
        for (String name : names) {
            FunctionSignature signature = FunctionSignature.lookup(name).orElseThrow();
            assertThat(signature.returnType()).isEqualTo(ValueType.VECTOR);
            assertThat(signature.argTypes()).doesNotContain(ValueType.MATRIX);
        }
    }

    @Test
    void onlyFirstAndLastKeepTheMetricName() {
        for (Map.Entry<String, RangeFunction> entry : FunctionKernels.range().entrySet()) {
            boolean keeps = entry.getKey().equals("first_over_time") || entry.getKey().equals("last_over_time");
            assertThat(entry.getValue().keepsMetricName()).as(entry.getKey()).isEqualTo(keeps);
        }
    }

    @Test
    void functionsComparingSamplesNeedTwo() {
        Set<String> needTwo = Set.of("rate", "increase", "delta", "irate", "idelta", "deriv", "predict_linear",
                "double_exponential_smoothing");
        for (Map.Entry<String, RangeFunction> entry : FunctionKernels.range().entrySet()) {
            assertThat(entry.getValue().minSamples()).as(entry.getKey()).isEqualTo(needTwo.contains(entry.getKey()) ? 2 : 1);
        }
    }

    @Test
    void everyRangeFunctionAnswersAtItsMinimum() {
        for (Map.Entry<String, RangeFunction> entry : FunctionKernels.range().entrySet()) {
            RangeFunction function = entry.getValue();
            Window window = function.minSamples() == 2 ? LoadedSeries.of(1, 3) : LoadedSeries.of(3);
            window.args = argumentsFor(entry.getKey());
            assertThat(function.apply(window)).as(entry.getKey()).isNotNaN();
        }
    }

    @Test
    void rangeFunctionsLeaveTheWindowsSamplesAlone() {
        for (Map.Entry<String, RangeFunction> entry : FunctionKernels.range().entrySet()) {
            Window window = LoadedSeries.of(5, Double.NaN, 1, 4, 2);
            window.args = argumentsFor(entry.getKey());
            entry.getValue().apply(window);
            assertThat(window.values).as(entry.getKey()).containsExactly(5, Double.NaN, 1, 4, 2);
            assertThat(window.timestamps).containsExactly(0, 1000, 2000, 3000, 4000);
        }
    }

    private static double[] argumentsFor(String name) {
        return switch (name) {
            case "quantile_over_time" -> new double[] {0.5};
            case "predict_linear" -> new double[] {60};
            case "double_exponential_smoothing" -> new double[] {0.5, 0.5};
            default -> new double[0];
        };
    }
}
