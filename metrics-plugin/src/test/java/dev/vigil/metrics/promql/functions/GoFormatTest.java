package dev.vigil.metrics.promql.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoFormatTest {

    @Test
    void shortestDigitsWithAnExponentOnlyForLargeOrSmallNumbers() {
        assertThat(GoFormat.g(2)).isEqualTo("2");
        assertThat(GoFormat.g(-1)).isEqualTo("-1");
        assertThat(GoFormat.g(1.01)).isEqualTo("1.01");
        assertThat(GoFormat.g(-0.1)).isEqualTo("-0.1");
        assertThat(GoFormat.g(100)).isEqualTo("100");
        assertThat(GoFormat.g(123.456)).isEqualTo("123.456");
        assertThat(GoFormat.g(123456)).isEqualTo("123456");
        assertThat(GoFormat.g(1e6)).isEqualTo("1e+06");
        assertThat(GoFormat.g(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFormat.g(0.0001)).isEqualTo("0.0001");
        assertThat(GoFormat.g(0.00001)).isEqualTo("1e-05");
        assertThat(GoFormat.g(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(GoFormat.g(1e21)).isEqualTo("1e+21");
        assertThat(GoFormat.g(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(GoFormat.g(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(GoFormat.g(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(GoFormat.g(2e23)).isEqualTo("2e+23");
    }

    @Test
    void specialValuesInG() {
        assertThat(GoFormat.g(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.g(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFormat.g(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoFormat.g(0)).isEqualTo("0");
        assertThat(GoFormat.g(-0.0)).isEqualTo("-0");
    }

    @Test
    void sixDecimals() {
        assertThat(GoFormat.f(0)).isEqualTo("0.000000");
        assertThat(GoFormat.f(1)).isEqualTo("1.000000");
        assertThat(GoFormat.f(0.01)).isEqualTo("0.010000");
        assertThat(GoFormat.f(-0.25)).isEqualTo("-0.250000");
        assertThat(GoFormat.f(1e-7)).isEqualTo("0.000000");
        assertThat(GoFormat.f(-1e-7)).isEqualTo("-0.000000");
        assertThat(GoFormat.f(-0.0)).isEqualTo("-0.000000");
        assertThat(GoFormat.f(1234567.0000005)).isEqualTo("1234567.000000");
        assertThat(GoFormat.f(1234567.0000006)).isEqualTo("1234567.000001");
        assertThat(GoFormat.f(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.f(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFormat.f(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void plainNumbersNeverUseAnExponent() {
        assertThat(GoFormat.plain(0.1)).isEqualTo("0.1");
        assertThat(GoFormat.plain(1e6)).isEqualTo("1000000");
        assertThat(GoFormat.plain(1e-7)).isEqualTo("0.0000001");
        assertThat(GoFormat.plain(-2.5)).isEqualTo("-2.5");
        assertThat(GoFormat.plain(1e21)).isEqualTo("1000000000000000000000");
        assertThat(GoFormat.plain(0)).isEqualTo("0");
        assertThat(GoFormat.plain(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.plain(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void openMetricsNumbersMarkWholeNumbers() {
        assertThat(GoFormat.openMetrics(0)).isEqualTo("0.0");
        assertThat(GoFormat.openMetrics(1)).isEqualTo("1.0");
        assertThat(GoFormat.openMetrics(0.25)).isEqualTo("0.25");
        assertThat(GoFormat.openMetrics(-0.1)).isEqualTo("-0.1");
        assertThat(GoFormat.openMetrics(1.01)).isEqualTo("1.01");
        assertThat(GoFormat.openMetrics(1e6)).isEqualTo("1e+06");
        assertThat(GoFormat.openMetrics(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFormat.openMetrics(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void quotedStrings() {
        assertThat(GoFormat.q("series")).isEqualTo("\"series\"");
        assertThat(GoFormat.q("")).isEqualTo("\"\"");
        assertThat(GoFormat.q("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoFormat.q("line\nnext\ttab")).isEqualTo("\"line\\nnext\\ttab\"");
        assertThat(GoFormat.q("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
        assertThat(GoFormat.q("é ☃ 😀")).isEqualTo("\"é ☃ 😀\"");
        assertThat(GoFormat.q("\u00a0")).isEqualTo("\"\\u00a0\"");
    }
}
