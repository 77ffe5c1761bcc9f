package dev.vigil.metrics.promql.functions;

import static dev.vigil.metrics.promql.functions.LoadedSeries.MINUTE;
import static dev.vigil.metrics.promql.functions.LoadedSeries.SECOND;
import static dev.vigil.metrics.promql.functions.LoadedSeries.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.api.metrics.QueryException;
import dev.vigil.metrics.promql.PromqlException;
import org.junit.jupiter.api.Test;

class TrendFunctionsTest {

    private static final double TOLERANCE = 1e-9;
    private static final LoadedSeries RESET_MIDDLE = load(5 * MINUTE, "0+10x4 0+10x5");

    @Test
    void derivIsTheSlopeOfTheLeastSquaresLine() {
        assertThat(TrendFunctions.deriv(load(5 * MINUTE, "0+80x10").window(50 * MINUTE, 50 * MINUTE)))
                .isCloseTo(0.26666666666666666, within(TOLERANCE));
        assertThat(TrendFunctions.deriv(RESET_MIDDLE.window(50 * MINUTE, 100 * MINUTE)))
                .isCloseTo(0.010606060606060607, within(1e-15));
    }

    @Test
    void predictLinearExtendsTheLineFromTheEvaluationTime() {
        assertThat(predict(RESET_MIDDLE.window(50 * MINUTE, 50 * MINUTE), 3600)).isCloseTo(70, within(TOLERANCE));
        // "[55m] @ 3000": the window ends at 3000s whatever the evaluation time, the prediction starts from it.
        assertThat(predict(at3000(50 * MINUTE), 3600)).isCloseTo(76.81818181818181, within(TOLERANCE));
        assertThat(predict(at3000(10 * MINUTE), 3600)).isCloseTo(51.36363636363637, within(TOLERANCE));
        assertThat(predict(at3000(70 * MINUTE), 3600)).isCloseTo(89.54545454545455, within(TOLERANCE));
    }

    @Test
    void predictLinearWithoutAnEvaluationTimeStartsAtTheWindowEnd() {
        Window window = RESET_MIDDLE.window(50 * MINUTE, 50 * MINUTE);
        window.evaluationTime = Long.MIN_VALUE;

        assertThat(predict(window, 3600)).isCloseTo(70, within(TOLERANCE));
    }

    @Test
    void predictLinearOfAnExactLineMatchesDeriv() {
        Window window = load(5 * MINUTE, "0+80x10").window(50 * MINUTE, 50 * MINUTE);
        double slope = TrendFunctions.deriv(window);

        assertThat(predict(window, 3600)).isCloseTo(800 + slope * 3600, within(TOLERANCE));
    }

    @Test
    void infinitiesMakeTheTrendNaN() {
        Window window = load(5 * MINUTE, "-Inf 0+80x10 Inf").window(100 * MINUTE, 100 * MINUTE);

        assertThat(TrendFunctions.deriv(window)).isNaN();
        assertThat(predict(window, 6000)).isNaN();
    }

    @Test
    void aConstantSeriesHasSlopeZero() {
        Window window = LoadedSeries.of(5, 5, 5);

        assertThat(TrendFunctions.deriv(window)).isZero();
        assertThat(predict(window, 100)).isEqualTo(5);
        assertThat(TrendFunctions.deriv(LoadedSeries.of(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY))).isNaN();
    }

    @Test
    void doubleExponentialSmoothingFollowsLinearTrends() {
        String[] rising = {"0+10x1000 100+30x1000", "0+20x1000 200+30x1000", "0+30x1000 300+80x1000", "0+40x2000"};
        double[] risingAt8000 = {8000, 16000, 24000, 32000};
        for (int i = 0; i < rising.length; i++) {
            assertThat(smooth(load(10 * SECOND, rising[i]).window(8000 * SECOND, MINUTE), 0.01, 0.1))
                    .isCloseTo(risingAt8000[i], within(1e-6));
        }
        String[] falling = {"8000-10x1000", "0-20x1000", "0+30x1000 300-80x1000", "0-40x1000 0+40x1000"};
        double[] fallingAt8000 = {0, -16000, 24000, -32000};
        for (int i = 0; i < falling.length; i++) {
            assertThat(smooth(load(10 * SECOND, falling[i]).window(8000 * SECOND, MINUTE), 0.01, 0.1))
                    .isCloseTo(fallingAt8000[i], within(1e-6));
        }
        assertThat(smooth(load(10 * SECOND, "0+10x1000 100+30x1000").window(20_010 * SECOND, MINUTE), 0.01, 0.1))
                .isCloseTo(30100, within(1e-6));
    }

    @Test
    void doubleExponentialSmoothingByHand() {
        assertThat(smooth(LoadedSeries.of(1, 3), 0.5, 0.5)).isEqualTo(3);
        // Trend 0.5·(3−1) + 0.5·2 = 2; value 0.5·2 + 0.5·(3 + 2) = 3.5.
        assertThat(smooth(LoadedSeries.of(1, 3, 2), 0.5, 0.5)).isEqualTo(3.5);
    }

    @Test
    void factorsOutsideTheOpenUnitIntervalFailTheQuery() {
        Window window = LoadedSeries.of(1, 2, 3);

        assertThatThrownBy(() -> smooth(window, 0, 0.1))
                .isInstanceOf(PromqlException.class)
                .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: 0.000000")
                .satisfies(e -> assertThat(((PromqlException) e).type()).isEqualTo(QueryException.ErrorType.EXECUTION));
        assertThatThrownBy(() -> smooth(window, 1.5, 0.1))
                .hasMessage("invalid smoothing factor. Expected: 0 < sf < 1, got: 1.500000");
        assertThatThrownBy(() -> smooth(window, 0.5, 1))
                .hasMessage("invalid trend factor. Expected: 0 < tf < 1, got: 1.000000");
        assertThatThrownBy(() -> smooth(window, 0.5, -0.25))
                .hasMessage("invalid trend factor. Expected: 0 < tf < 1, got: -0.250000");
        assertThat(smooth(window, Double.NaN, 0.5)).isNaN();
    }

    private static Window at3000(long evaluatedAt) {
        return RESET_MIDDLE.window(evaluatedAt, 55 * MINUTE, evaluatedAt - 3000 * SECOND);
    }

    private static double predict(Window window, double seconds) {
        window.args = new double[] {seconds};
        return FunctionKernels.range().get("predict_linear").apply(window);
    }

    private static double smooth(Window window, double sf, double tf) {
        window.args = new double[] {sf, tf};
        return FunctionKernels.range().get("double_exponential_smoothing").apply(window);
    }
}
