package dev.vigil.metrics.promql.conformance;

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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Compares what a query gave with what an eval expects, by the rules of Prometheus's own test harness:
 * labels exactly; floats by {@link FloatComparison}; an instant vector in any order unless the order is
 * expected; a matrix sorted by labels with each expected point at its step ({@code _}: no point there);
 * never a staleness marker in a result. Each check returns null when it passes and otherwise a one-line
 * reason that says what was expected and what came. Stateless.
 */
final class ResultChecker {

    private static final int MAX_SHOWN = 6;

    private ResultChecker() {}

    /** Checks a value against the expected result of {@code eval}. */
    static @Nullable String checkValue(EvalCommand eval, QueryValue value) {
        ExpectedResult expected = eval.expected();
        if (value instanceof StringValue string) {
            String want = expected.string() == null ? "" : expected.string();
            if (expected.scalar().isPresent() || !expected.series().isEmpty()) {
                return "expected " + describeExpected(expected) + ", got string \"" + string.value() + "\"";
            }
            return want.equals(string.value()) ? null : "expected string \"" + want + "\", got \"" + string.value() + "\"";
        }
        if (expected.string() != null) {
            return "expected string \"" + expected.string() + "\", got " + describe(value);
        }
        if (value instanceof ScalarValue scalar) {
            if (expected.scalar().isEmpty()) {
                return "expected " + describeExpected(expected) + ", got scalar " + FloatComparison.format(scalar.value());
            }
            double want = expected.scalar().getAsDouble();
            return FloatComparison.almostEqual(want, scalar.value()) ? null
                    : "expected scalar " + FloatComparison.format(want) + ", got " + FloatComparison.format(scalar.value());
        }
        if (expected.scalar().isPresent()) {
            return "expected scalar " + FloatComparison.format(expected.scalar().getAsDouble()) + ", got " + describe(value);
        }
        if (value instanceof VectorValue vector) {
            if (expected.rangeVector()) {
                return "expected a range vector, got " + describe(value);
            }
            return checkVector(expected, vector.samples());
        }
        if (expected.ordered()) {
            return "expected an ordered instant vector, got " + describe(value);
        }
        return checkMatrix(eval.timing(), expected, ((MatrixValue) value).series());
    }

    private static @Nullable String checkVector(ExpectedResult expected, List<Sample> samples) {
        Map<Labels, ExpectedSeries> wanted = byLabels(expected.series());
        Set<Labels> seen = new HashSet<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            ExpectedSeries want = wanted.get(sample.labels());
            if (want == null) {
                return "unexpected " + sample.labels() + " " + FloatComparison.format(sample.value()) + " in result; expected "
                        + describeExpected(expected) + ", got " + describeSamples(samples);
            }
            if (StaleMarker.isStale(sample.value())) {
                return "result holds a staleness marker for " + sample.labels();
            }
            if (expected.ordered() && want.position() != i + 1) {
                return sample.labels() + " is at position " + (i + 1) + ", expected at " + want.position() + "; got "
                        + describeSamples(samples);
            }
            SeriesValue first = want.values().isEmpty() ? SeriesValue.MISSING : want.values().get(0);
            if (!matches(first, sample.value())) {
                return "expected " + sample.labels() + " " + first + ", got " + FloatComparison.format(sample.value());
            }
            seen.add(sample.labels());
        }
        for (ExpectedSeries want : expected.series()) {
            if (!seen.contains(want.labels())) {
                return "expected " + want.labels() + " " + want.values() + " not in result; got " + describeSamples(samples);
            }
        }
        return null;
    }

    private static @Nullable String checkMatrix(EvalCommand.Timing timing, ExpectedResult expected, List<RangeSeries> series) {
        for (int i = 0; i + 1 < series.size(); i++) {
            if (series.get(i).labels().compareTo(series.get(i + 1).labels()) > 0) {
                return "matrix is not sorted by labels: " + series.get(i).labels() + " comes before " + series.get(i + 1).labels();
            }
        }
        Map<Labels, ExpectedSeries> wanted = byLabels(expected.series());
        Set<Labels> seen = new HashSet<>();
        for (RangeSeries actual : series) {
            ExpectedSeries want = wanted.get(actual.labels());
            if (want == null) {
                return "unexpected series " + describe(actual) + " in result; expected " + describeExpected(expected);
            }
            String problem = checkPoints(timing, want, actual);
            if (problem != null) {
                return problem;
            }
            seen.add(actual.labels());
        }
        for (ExpectedSeries want : expected.series()) {
            if (!seen.contains(want.labels())) {
                return "expected " + want.labels() + " " + want.values() + " not in result; got "
                        + (series.isEmpty() ? "an empty matrix" : series.size() + " series: " + describeSeries(series));
            }
        }
        return null;
    }

    private static @Nullable String checkPoints(EvalCommand.Timing timing, ExpectedSeries want, RangeSeries actual) {
        int points = 0;
        for (int i = 0; i < want.values().size(); i++) {
            if (timing.stepTime(i) > timing.end()) {
                return "expected " + want.values().size() + " values for " + want.labels() + ", more than the range has steps";
            }
            if (want.values().get(i).kind() != SeriesValue.Kind.MISSING) {
                points++;
            }
        }
        for (int j = 0; j < actual.size(); j++) {
            if (StaleMarker.isStale(actual.value(j))) {
                return "result holds a staleness marker for " + actual.labels() + " at " + time(actual.timestamp(j));
            }
        }
        String mismatch = "expected " + want.labels() + " " + describePoints(timing, want) + ", got " + describePoints(actual);
        if (points != actual.size()) {
            return mismatch;
        }
        int j = 0;
        for (int i = 0; i < want.values().size(); i++) {
            SeriesValue value = want.values().get(i);
            if (value.kind() == SeriesValue.Kind.MISSING) {
                continue;
            }
            if (actual.timestamp(j) != timing.stepTime(i) || !matches(value, actual.value(j))) {
                return mismatch;
            }
            j++;
        }
        return null;
    }

    /** Checks the warnings and infos of a result: each expected one must be there, and none when none is. */
    static @Nullable String checkAnnotations(ExpectedAnnotations expected, QueryResult result) {
        String warnings = checkKind("warning", expected.warnings(), expected.noWarn(), result.warnings());
        return warnings != null ? warnings : checkKind("info", expected.infos(), expected.noInfo(), result.infos());
    }

    private static @Nullable String checkKind(String kind, List<Expectation> expected, boolean none, List<String> actual) {
        for (Expectation want : expected) {
            if (actual.stream().noneMatch(want::matches)) {
                return "expected a " + kind + " matching " + want + ", got " + (actual.isEmpty() ? "none" : actual);
            }
        }
        if (none && !actual.isEmpty()) {
            return "expected no " + kind + ", got " + actual;
        }
        return null;
    }

    /** Checks the message of an error the eval expected. */
    static @Nullable String checkFailure(Expectation expected, String message) {
        return expected.matches(message) ? null : "expected an error matching " + expected + ", got \"" + message + "\"";
    }

    /** The value in a few words, for a reason. */
    static String describe(QueryValue value) {
        if (value instanceof VectorValue vector) {
            return vector.samples().isEmpty() ? "an empty vector" : "vector " + describeSamples(vector.samples());
        }
        if (value instanceof MatrixValue matrix) {
            return matrix.series().isEmpty() ? "an empty matrix" : "matrix of " + matrix.series().size() + " series: "
                    + describeSeries(matrix.series());
        }
        if (value instanceof ScalarValue scalar) {
            return "scalar " + FloatComparison.format(scalar.value());
        }
        return "string \"" + ((StringValue) value).value() + "\"";
    }

    private static boolean matches(SeriesValue expected, double actual) {
        return switch (expected.kind()) {
            case FLOAT -> FloatComparison.almostEqual(expected.value(), actual);
            case STALE -> Double.isNaN(actual);
            case MISSING, HISTOGRAM -> false;
        };
    }

    private static Map<Labels, ExpectedSeries> byLabels(List<ExpectedSeries> series) {
        Map<Labels, ExpectedSeries> map = new LinkedHashMap<>();
        series.forEach(s -> map.put(s.labels(), s));
        return map;
    }

    private static String describeExpected(ExpectedResult expected) {
        if (expected.scalar().isPresent()) {
            return "scalar " + FloatComparison.format(expected.scalar().getAsDouble());
        }
        if (expected.string() != null) {
            return "string \"" + expected.string() + "\"";
        }
        if (expected.series().isEmpty()) {
            return "an empty result";
        }
        return expected.series().size() + " series: " + expected.series().stream().limit(MAX_SHOWN)
                .map(s -> s.labels() + " " + s.values().stream().map(SeriesValue::toString).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(", ")) + (expected.series().size() > MAX_SHOWN ? ", ..." : "");
    }

    private static String describeSamples(List<Sample> samples) {
        if (samples.isEmpty()) {
            return "an empty vector";
        }
        return "[" + samples.stream().limit(MAX_SHOWN).map(s -> s.labels() + " " + FloatComparison.format(s.value()))
                .collect(Collectors.joining(", ")) + (samples.size() > MAX_SHOWN ? ", ... (" + samples.size() + " in all)" : "") + "]";
    }

    private static String describeSeries(List<RangeSeries> series) {
        return series.stream().limit(MAX_SHOWN).map(ResultChecker::describe).collect(Collectors.joining(", "))
                + (series.size() > MAX_SHOWN ? ", ..." : "");
    }

    private static String describe(RangeSeries series) {
        return series.labels() + " " + describePoints(series);
    }

    private static String describePoints(RangeSeries series) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < series.size(); i++) {
            out.append(i == 0 ? "" : " ").append(FloatComparison.format(series.value(i))).append('@').append(time(series.timestamp(i)));
        }
        return out.append(']').toString();
    }

    private static String describePoints(EvalCommand.Timing timing, ExpectedSeries want) {
        StringBuilder out = new StringBuilder("[");
        boolean first = true;
        for (int i = 0; i < want.values().size(); i++) {
            if (want.values().get(i).kind() != SeriesValue.Kind.MISSING) {
                out.append(first ? "" : " ").append(want.values().get(i)).append('@').append(time(timing.stepTime(i)));
                first = false;
            }
        }
        return out.append(']').toString();
    }

    private static String time(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
