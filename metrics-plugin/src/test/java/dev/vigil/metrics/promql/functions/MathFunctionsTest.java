package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MathFunctionsTest {

    private static final double X = 10;
    private static final double Y = 20;
    private static final double[] SPECIALS = {2.5, 2, -2.5, -2, 0, -0.0, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NaN};

    @Test
    void trigonometricFunctions() {
        assertClose("sin", X, -0.5440211108893699);
        assertClose("sin", Y, 0.9129452507276277);
        assertClose("cos", X, -0.8390715290764524);
        assertClose("cos", Y, 0.40808206181339196);
        assertClose("tan", X, 0.6483608274590867);
        assertClose("tan", Y, 2.2371609442247427);
        assertClose("asin", X - 10.1, -0.10016742116155944);
        assertClose("asin", Y - 10.1, Double.NaN);
        assertClose("acos", X - 10.1, 1.670963747956456);
        assertClose("acos", Y - 10.1, Double.NaN);
        assertClose("atan", X, 1.4711276743037345);
        assertClose("atan", Y, 1.5208379310729538);
        for (String name : new String[] {"sin", "cos", "tan", "asin", "acos", "atan", "rad", "deg"}) {
            assertClose(name, Double.NaN, Double.NaN);
        }
    }

    @Test
    void hyperbolicFunctions() {
        // The script's value for sinh(10) is cosh(10), within the runner's relative tolerance of 1e-6.
        assertClose("sinh", X, 11013.232920103324, 1e-6);
        assertClose("sinh", X, 11013.232874703393);
        assertClose("sinh", Y, 2.4258259770489514e+08);
        assertClose("cosh", X, 11013.232920103324);
        assertClose("cosh", Y, 2.4258259770489514e+08);
        assertClose("tanh", X, 0.9999999958776927);
        assertClose("tanh", Y, 1);
        assertClose("asinh", X, 2.99822295029797);
        assertClose("asinh", Y, 3.6895038689889055);
        assertClose("acosh", X, 2.993222846126381);
        assertClose("acosh", Y, 3.6882538673612966);
        assertClose("atanh", X - 10.1, -0.10033534773107522);
        assertClose("atanh", Y - 10.1, Double.NaN);
        for (String name : new String[] {"sinh", "cosh", "tanh", "asinh", "acosh", "atanh"}) {
            assertClose(name, Double.NaN, Double.NaN);
        }
    }

    @Test
    void inverseHyperbolicFunctionsAcrossTheirDomains() {
        for (double v : new double[] {-1e300, -3e8, -5, -1.5, -0.3, -1e-10, 1e-10, 0.3, 1.5, 5, 3e8, 1e300}) {
            double a = Math.abs(v);
            // Near 0, asinh(x) = x − x³/6 + …; far out, ln(2x).
            double reference = a < 1e-5 ? a - a * a * a / 6
                    : a > 1e150 ? Math.log(a) + Math.log(2) : Math.log(a + Math.sqrt(a * a + 1));
            assertClose("asinh", v, Math.copySign(reference, v), 1e-9);
        }
        assertClose("asinh", -0.0, -0.0);
        assertClose("asinh", Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        for (double v : new double[] {1.5, 2.5, 5, 3e8}) {
            assertClose("acosh", v, Math.log(v + Math.sqrt(v * v - 1)), 1e-12);
        }
        assertClose("acosh", 1, 0);
        assertClose("acosh", 0.5, Double.NaN);
        assertClose("acosh", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        for (double v : new double[] {-0.9, -0.3, 0.3, 0.9}) {
            assertClose("atanh", v, 0.5 * Math.log((1 + v) / (1 - v)), 1e-9);
        }
        assertClose("atanh", 1e-10, 1e-10);
        assertClose("atanh", 1, Double.POSITIVE_INFINITY);
        assertClose("atanh", -1, Double.NEGATIVE_INFINITY);
        assertClose("atanh", 1.5, Double.NaN);
    }

    @Test
    void angleConversions() {
        assertClose("rad", X, 0.17453292519943295);
        assertClose("rad", Y, 0.3490658503988659);
        assertClose("rad", Y - 20, 0);
        assertClose("rad", X - 20, -0.17453292519943295);
        assertClose("deg", X, 572.9577951308232);
        assertClose("deg", Y, 1145.9155902616465);
        assertClose("deg", X - 20, -572.9577951308232);
    }

    @Test
    void exponentialsAndLogarithms() {
        assertClose("exp", X, 22026.465794806718);
        assertClose("exp", Y, 485165195.4097903);
        assertClose("exp", 0, 1);
        assertClose("exp", X - 20, 4.5399929762484854e-05);
        assertClose("ln", X, 2.302585092994046);
        assertClose("ln", Y, 2.995732273553991);
        assertClose("ln", 0, Double.NEGATIVE_INFINITY);
        assertClose("ln", -10, Double.NaN);
        assertClose("sqrt", X, 3.1622776601683795);
        assertClose("sqrt", Y, 4.47213595499958);
        assertClose("log2", X, 3.3219280948873626);
        assertClose("log2", Y, 4.321928094887363);
        assertClose("log2", 0, Double.NEGATIVE_INFINITY);
        assertClose("log2", -10, Double.NaN);
        assertClose("log10", X, 1);
        assertClose("log10", Y, 1.301029995663981);
        assertClose("log10", 0, Double.NEGATIVE_INFINITY);
        assertClose("log10", -10, Double.NaN);
    }

    @Test
    void log2IsExactForPowersOfTwo() {
        assertThat(MathFunctions.log2(1)).isZero();
        assertThat(MathFunctions.log2(1024)).isEqualTo(10);
        assertThat(MathFunctions.log2(0.125)).isEqualTo(-3);
        assertThat(MathFunctions.log2(Double.MIN_VALUE)).isEqualTo(-1074);
        assertThat(MathFunctions.log2(Double.MIN_VALUE * 3)).isCloseTo(-1074 + Math.log(3) / Math.log(2),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(MathFunctions.log2(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void absCeilFloorRoundOfSpecialValues() {
        assertThat(apply("abs", SPECIALS)).containsExactly(2.5, 2, 2.5, 2, 0, 0, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NaN);
        assertThat(apply("ceil", SPECIALS)).containsExactly(3, 2, -2, -2, 0, -0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(apply("floor", SPECIALS)).containsExactly(2, 2, -3, -2, 0, -0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN);
        assertThat(apply("round", SPECIALS)).containsExactly(3, 2, -2, -2, 0, 0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN);
    }

    @Test
    void roundRoundsHalvesUp() {
        double[] production = {100, 200};
        assertRounded(production, v -> 0.004 * v, 1, 0, 1);
        assertRounded(production, v -> -1 * (0.004 * v), 1, 0, -1);
        assertRounded(production, v -> 0.005 * v, 1, 1, 1);
        assertRounded(production, v -> -1 * (0.005 * v), 1, 0, -1);
        assertRounded(production, v -> 1 + 0.005 * v, 1, 2, 2);
        assertRounded(production, v -> -1 * (1 + 0.005 * v), 1, -1, -2);
    }

    @Test
    void roundToTheNearestMultiple() {
        double[] production = {100, 200};
        assertRounded(production, v -> 0.0005 * v, 0.1, 0.1, 0.1);
        assertRounded(production, v -> 2.1 + 0.0005 * v, 0.1, 2.2, 2.2);
        assertRounded(production, v -> 5.2 + 0.0005 * v, 0.1, 5.3, 5.3);
        assertRounded(production, v -> -1 * (5.2 + 0.0005 * v), 0.1, -5.2, -5.3);
        assertRounded(production, v -> 0.025 * v, 5, 5, 5);
        assertRounded(production, v -> 0.045 * v, 5, 5, 10);
    }

    @Test
    void clampFamily() {
        double[] values = {-50, 0, 100};
        assertThat(apply("clamp_max", values, 75)).containsExactly(-50, 0, 75);
        assertThat(apply("clamp_min", values, -25)).containsExactly(-25, 0, 100);
        assertThat(apply("clamp", values, -25, 75)).containsExactly(-25, 0, 75);
        assertThat(apply("clamp", values, 0, Double.NaN)).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        assertThat(apply("clamp", values, Double.NaN, 0)).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        assertThat(apply("clamp_min", new double[] {Double.NaN}, Double.POSITIVE_INFINITY))
                .containsExactly(Double.POSITIVE_INFINITY);
        assertThat(apply("clamp_max", new double[] {Double.NaN}, Double.NEGATIVE_INFINITY))
                .containsExactly(Double.NEGATIVE_INFINITY);
        assertThat(apply("clamp", new double[] {1, 2, 3}, 2, 5)).containsExactly(2, 2, 3);
    }

    @Test
    void clampWithTheBoundsReversedHasNoOutput() {
        assertThat(FunctionKernels.dropsEverySample("clamp", new double[] {5, -5})).isTrue();
        assertThat(FunctionKernels.dropsEverySample("clamp", new double[] {-5, 5})).isFalse();
        assertThat(FunctionKernels.dropsEverySample("clamp", new double[] {5, 5})).isFalse();
        assertThat(FunctionKernels.dropsEverySample("clamp", new double[] {0, Double.NaN})).isFalse();
        assertThat(FunctionKernels.dropsEverySample("clamp_min", new double[] {5})).isFalse();
        assertThat(FunctionKernels.dropsEverySample("abs", new double[0])).isFalse();
    }

    @Test
    void sgn() {
        assertThat(apply("sgn", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, -50, 0, 100))
                .containsExactly(-1, 1, Double.NaN, -1, 0, 1);
    }

    private interface Arithmetic {
        double of(double v);
    }

    private static void assertRounded(double[] inputs, Arithmetic input, double to, double... expected) {
        double[] rounded = new double[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            rounded[i] = FunctionKernels.element().get("round").apply(input.of(inputs[i]), new double[] {to});
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(Math.abs(rounded[i] - expected[i])).as("round #%d: %s", i, rounded[i]).isLessThan(1e-12);
        }
    }

    private static double[] apply(String name, double[] values, double... args) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = FunctionKernels.element().get(name).apply(values[i], args);
        }
        return out;
    }

    private static double[] apply(String name, double... values) {
        return apply(name, values, new double[0]);
    }

    private static void assertClose(String name, double input, double expected) {
        assertClose(name, input, expected, 1e-14);
    }

    private static void assertClose(String name, double input, double expected, double relative) {
        double actual = FunctionKernels.element().get(name).apply(input, new double[0]);
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            assertThat(new double[] {actual}).as("%s(%s)", name, input).containsExactly(expected);
        } else {
            assertThat(Math.abs(actual - expected) / Math.abs(expected)).as("%s(%s) = %s", name, input, actual)
                    .isLessThanOrEqualTo(relative);
        }
    }
}
