package dev.vigil.metrics.promql.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GoFloatsTest {

    @Test
    void shortestDigitsWithAnExponentOnlyForLargeOrSmallNumbers() {
        assertThat(GoFloats.g(2)).isEqualTo("2");
        assertThat(GoFloats.g(-1)).isEqualTo("-1");
        assertThat(GoFloats.g(1.01)).isEqualTo("1.01");
        assertThat(GoFloats.g(-0.1)).isEqualTo("-0.1");
        assertThat(GoFloats.g(100)).isEqualTo("100");
        assertThat(GoFloats.g(123.456)).isEqualTo("123.456");
        assertThat(GoFloats.g(123456)).isEqualTo("123456");
        assertThat(GoFloats.g(1e6)).isEqualTo("1e+06");
        assertThat(GoFloats.g(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFloats.g(0.0001)).isEqualTo("0.0001");
        assertThat(GoFloats.g(0.00001)).isEqualTo("1e-05");
        assertThat(GoFloats.g(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(GoFloats.g(1e21)).isEqualTo("1e+21");
        assertThat(GoFloats.g(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(GoFloats.g(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(GoFloats.g(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(GoFloats.g(2e23)).isEqualTo("2e+23");
    }

    @Test
    void specialValuesInG() {
        assertThat(GoFloats.g(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloats.g(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloats.g(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoFloats.g(0)).isEqualTo("0");
        assertThat(GoFloats.g(-0.0)).isEqualTo("-0");
    }

    @Test
    void sixDecimals() {
        assertThat(GoFloats.fixed(0)).isEqualTo("0.000000");
        assertThat(GoFloats.fixed(1)).isEqualTo("1.000000");
        assertThat(GoFloats.fixed(0.01)).isEqualTo("0.010000");
        assertThat(GoFloats.fixed(-0.25)).isEqualTo("-0.250000");
        assertThat(GoFloats.fixed(1e-7)).isEqualTo("0.000000");
        assertThat(GoFloats.fixed(-1e-7)).isEqualTo("-0.000000");
        assertThat(GoFloats.fixed(-0.0)).isEqualTo("-0.000000");
        assertThat(GoFloats.fixed(1234567.0000005)).isEqualTo("1234567.000000");
        assertThat(GoFloats.fixed(1234567.0000006)).isEqualTo("1234567.000001");
        assertThat(GoFloats.fixed(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloats.fixed(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloats.fixed(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void plainNumbersNeverUseAnExponent() {
        assertThat(GoFloats.plain(0.1)).isEqualTo("0.1");
        assertThat(GoFloats.plain(1e6)).isEqualTo("1000000");
        assertThat(GoFloats.plain(1e-7)).isEqualTo("0.0000001");
        assertThat(GoFloats.plain(-2.5)).isEqualTo("-2.5");
        assertThat(GoFloats.plain(1e21)).isEqualTo("1000000000000000000000");
        assertThat(GoFloats.plain(Double.MIN_VALUE)).hasSize(326).startsWith("0.000").endsWith("05");
        assertThat(GoFloats.plain(Double.MAX_VALUE)).hasSize(309).startsWith("17976931348623157000");
        assertThat(GoFloats.plain(0)).isEqualTo("0");
        assertThat(GoFloats.plain(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloats.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void openMetricsNumbersMarkWholeNumbers() {
        assertThat(GoFloats.openMetrics(0)).isEqualTo("0.0");
        assertThat(GoFloats.openMetrics(1)).isEqualTo("1.0");
        assertThat(GoFloats.openMetrics(0.25)).isEqualTo("0.25");
        assertThat(GoFloats.openMetrics(-0.1)).isEqualTo("-0.1");
        assertThat(GoFloats.openMetrics(1.01)).isEqualTo("1.01");
        assertThat(GoFloats.openMetrics(1e6)).isEqualTo("1e+06");
        assertThat(GoFloats.openMetrics(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloats.openMetrics(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void exponentFormsAsStrconvAndEncodingJsonWriteThem() {
        assertThat(exponent(1e21)).isEqualTo("1e+21");
        assertThat(exponent(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(exponent(-1.5e300)).isEqualTo("-1.5e+300");
        assertThat(exponent(0)).isEqualTo("0e+00");
        assertThat(json(1e-7)).isEqualTo("1e-7");
        assertThat(json(1e21)).isEqualTo("1e+21");
        assertThat(json(1.5)).isEqualTo("1.5");
        assertThat(json(1e20)).isEqualTo("100000000000000000000");
        assertThat(json(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void randomDoublesReadBackAndAreNoLongerThanJavasOwnDigits() {
        GoFloats floats = new GoFloats();
        char[] out = new char[GoFloats.MAX_LENGTH];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String written = new String(out, 0, floats.appendExponent(out, 0, value));
            assertThat(Double.parseDouble(written)).as(written).isEqualTo(value);
            assertThat(significantDigits(written)).as(written).isLessThanOrEqualTo(significantDigits(Double.toString(value)));
        }
    }

    /** Writes after a character already in the array, so that the offset is honoured. */
    private static String exponent(double value) {
        char[] out = new char[GoFloats.MAX_LENGTH + 1];
        return new String(out, 1, new GoFloats().appendExponent(out, 1, value) - 1);
    }

    private static String json(double value) {
        char[] out = new char[GoFloats.MAX_LENGTH + 1];
        return new String(out, 1, new GoFloats().appendJson(out, 1, value) - 1);
    }

    private static int significantDigits(String number) {
        String mantissa = number.toLowerCase(Locale.ROOT).split("e")[0].replace("-", "").replace(".", "");
        mantissa = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, mantissa.length());
    }
}
