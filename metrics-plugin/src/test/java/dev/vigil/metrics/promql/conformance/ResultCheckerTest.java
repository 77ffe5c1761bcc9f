package dev.vigil.metrics.promql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.api.metrics.QueryValue.MatrixValue;
import dev.vigil.api.metrics.QueryValue.RangeSeries;
import dev.vigil.api.metrics.QueryValue.Sample;
import dev.vigil.api.metrics.QueryValue.ScalarValue;
import dev.vigil.api.metrics.QueryValue.StringValue;
import dev.vigil.api.metrics.QueryValue.VectorValue;
import dev.vigil.api.metrics.StaleMarker;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCheckerTest {

    private static final Labels A = Labels.of("__name__", "m", "job", "a");
    private static final Labels B = Labels.of("__name__", "m", "job", "b");

    @Test
    void comparesFloatsWithARelativeTolerance() {
        assertThat(FloatComparison.almostEqual(1, 1 + 1e-7)).isTrue();
        assertThat(FloatComparison.almostEqual(1e20, 1.0000001e20)).isTrue();
        assertThat(FloatComparison.almostEqual(1, 1.00001)).isFalse();
        assertThat(FloatComparison.almostEqual(Double.NaN, StaleMarker.VALUE)).isTrue();
        assertThat(FloatComparison.almostEqual(Double.NaN, 0)).isFalse();
        assertThat(FloatComparison.almostEqual(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
        assertThat(FloatComparison.almostEqual(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)).isFalse();
        assertThat(FloatComparison.almostEqual(0, 1e-300)).as("near zero the scale is absolute").isFalse();
        assertThat(FloatComparison.almostEqual(0, -0.0)).isTrue();
    }

    @Test
    void acceptsAVectorInAnyOrder() {
        EvalCommand eval = eval("eval instant at 1m m\n  m{job=\"a\"} 1\n  m{job=\"b\"} 2\n");
        assertThat(ResultChecker.checkValue(eval, vector(sample(B, 2), sample(A, 1.0000001)))).isNull();
    }

    @Test
    void checksTheOrderWhenAsked() {
        EvalCommand eval = eval("eval instant at 1m m\n  expect ordered\n  m{job=\"a\"} 1\n  m{job=\"b\"} 2\n");
        assertThat(ResultChecker.checkValue(eval, vector(sample(A, 1), sample(B, 2)))).isNull();
        assertThat(ResultChecker.checkValue(eval, vector(sample(B, 2), sample(A, 1)))).contains("position 1, expected at 2");
    }

    @Test
    void namesWhatDiffersInAVector() {
        EvalCommand eval = eval("eval instant at 1m m\n  m{job=\"a\"} 1\n");
        assertThat(ResultChecker.checkValue(eval, vector(sample(A, 3)))).isEqualTo("expected m{job=\"a\"} 1, got 3");
        assertThat(ResultChecker.checkValue(eval, vector())).startsWith("expected m{job=\"a\"} [1] not in result; got an empty vector");
        assertThat(ResultChecker.checkValue(eval, vector(sample(A, 1), sample(B, 1)))).startsWith("unexpected m{job=\"b\"} 1 in result");
        assertThat(ResultChecker.checkValue(eval, vector(sample(A.toBuilder().remove("__name__").build(), 1))))
                .startsWith("unexpected {job=\"a\"} 1");
        assertThat(ResultChecker.checkValue(eval, vector(sample(A, StaleMarker.VALUE)))).contains("staleness marker");
    }

    @Test
    void expectsAnEmptyResultWhenNothingIsListed() {
        EvalCommand eval = eval("eval instant at 1m m\n");
        assertThat(ResultChecker.checkValue(eval, vector())).isNull();
        assertThat(ResultChecker.checkValue(eval, new ScalarValue(60_000, 1))).isEqualTo("expected an empty result, got scalar 1");
    }

    @Test
    void comparesScalars() {
        EvalCommand eval = eval("eval instant at 1m 1/0\n  +Inf\n");
        assertThat(ResultChecker.checkValue(eval, new ScalarValue(60_000, Double.POSITIVE_INFINITY))).isNull();
        assertThat(ResultChecker.checkValue(eval, new ScalarValue(60_000, 1))).isEqualTo("expected scalar +Inf, got 1");
        assertThat(ResultChecker.checkValue(eval, vector(sample(Labels.EMPTY, Double.POSITIVE_INFINITY))))
                .startsWith("expected scalar +Inf, got vector");
    }

    @Test
    void comparesStrings() {
        EvalCommand eval = eval("eval instant at 1m \"Foo\"\n  expect string \"Foo\"\n");
        assertThat(ResultChecker.checkValue(eval, new StringValue(60_000, "Foo"))).isNull();
        assertThat(ResultChecker.checkValue(eval, new StringValue(60_000, "foo"))).isEqualTo("expected string \"Foo\", got \"foo\"");
        assertThat(ResultChecker.checkValue(eval, vector())).isEqualTo("expected string \"Foo\", got an empty vector");
    }

    @Test
    void comparesRangeResultsStepByStep() {
        EvalCommand eval = eval("eval range from 0 to 2m step 1m m\n  m{job=\"a\"} 1 _ 3\n  m{job=\"b\"} 1+1x2\n");
        RangeSeries a = RangeSeries.of(A, new long[] {0, 120_000}, new double[] {1, 3});
        RangeSeries b = RangeSeries.of(B, new long[] {0, 60_000, 120_000}, new double[] {1, 2, 3});
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of(a, b)))).isNull();

        RangeSeries shifted = RangeSeries.of(A, new long[] {0, 60_000}, new double[] {1, 3});
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of(shifted, b))))
                .isEqualTo("expected m{job=\"a\"} [1@0s 3@120s], got [1@0s 3@60s]");
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of(b, a)))).startsWith("matrix is not sorted by labels");
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of(a)))).startsWith("expected m{job=\"b\"} [1, 2, 3] not in result");
        RangeSeries stale = RangeSeries.of(B, new long[] {0, 60_000, 120_000}, new double[] {1, StaleMarker.VALUE, 3});
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of(a, stale)))).contains("staleness marker");
    }

    @Test
    void refusesMoreValuesThanTheRangeHasSteps() {
        EvalCommand eval = eval("eval range from 0 to 1m step 1m m\n  m{job=\"a\"} 1 2 3\n");
        RangeSeries a = RangeSeries.of(A, new long[] {0, 60_000}, new double[] {1, 2});
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of(a)))).contains("more than the range has steps");
    }

    @Test
    void comparesAnExpectedRangeVector() {
        EvalCommand eval = eval("eval instant at 1m m[1m]\n  expect range vector from 10s to 1m step 10s\n  m{job=\"a\"} 2 3\n");
        RangeSeries a = RangeSeries.of(A, new long[] {10_000, 20_000}, new double[] {2, 3});
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of(a)))).isNull();
        assertThat(ResultChecker.checkValue(eval, vector(sample(A, 2)))).startsWith("expected a range vector");
    }

    @Test
    void refusesAMatrixWhereAnOrderedVectorIsExpected() {
        EvalCommand eval = eval("eval instant at 1m m\n  expect ordered\n");
        assertThat(ResultChecker.checkValue(eval, new MatrixValue(List.of()))).startsWith("expected an ordered instant vector");
    }

    @Test
    void checksAnnotationsLoosely() {
        ExpectedAnnotations warn = eval("eval instant at 0 m\n  expect warn\n").annotations();
        assertThat(ResultChecker.checkAnnotations(warn, result(List.of("PromQL warning: x (1:1)"), List.of()))).isNull();
        assertThat(ResultChecker.checkAnnotations(warn, result(List.of(), List.of()))).isEqualTo("expected a warning matching any text, got none");

        ExpectedAnnotations message = eval("eval instant at 0 m\n  expect info msg: PromQL info: y (1:3)\n").annotations();
        assertThat(ResultChecker.checkAnnotations(message, result(List.of(), List.of("PromQL info: z (1:1)", "PromQL info: y (1:3)"))))
                .isNull();
        assertThat(ResultChecker.checkAnnotations(message, result(List.of(), List.of("PromQL info: y (1:4)"))))
                .isEqualTo("expected a info matching \"PromQL info: y (1:3)\", got [PromQL info: y (1:4)]");

        ExpectedAnnotations none = eval("eval instant at 0 m\n  expect no_warn\n  expect no_info\n").annotations();
        assertThat(ResultChecker.checkAnnotations(none, result(List.of(), List.of()))).isNull();
        assertThat(ResultChecker.checkAnnotations(none, result(List.of(), List.of("PromQL info: y (1:4)"))))
                .isEqualTo("expected no info, got [PromQL info: y (1:4)]");

        ExpectedAnnotations unsaid = eval("eval instant at 0 m\n").annotations();
        assertThat(ResultChecker.checkAnnotations(unsaid, result(List.of("PromQL warning: x (1:1)"), List.of("i")))).isNull();
    }

    @Test
    void checksErrorMessages() {
        assertThat(ResultChecker.checkFailure(Expectation.ANY, "anything")).isNull();
        assertThat(ResultChecker.checkFailure(Expectation.message("bad"), "bad")).isNull();
        assertThat(ResultChecker.checkFailure(Expectation.message("bad"), "bad data")).isEqualTo("expected an error matching \"bad\", got \"bad data\"");
        assertThat(ResultChecker.checkFailure(Expectation.regex("ba+d"), "it is baad")).isNull();
    }

    private static EvalCommand eval(String text) {
        return ScriptParser.parse("t.test", text).evals().get(0);
    }

    private static Sample sample(Labels labels, double value) {
        return new Sample(labels, 60_000, value);
    }

    private static QueryValue vector(Sample... samples) {
        return new VectorValue(List.of(samples));
    }

    private static QueryResult result(List<String> warnings, List<String> infos) {
        return new QueryResult(new VectorValue(List.of()), warnings, infos, 0);
    }
}
