package dev.vigil.metrics.promql.conformance;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryResult;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.api.metrics.QueryValue.MatrixValue;
import dev.vigil.api.metrics.QueryValue.RangeSeries;
import dev.vigil.api.metrics.QueryValue.Sample;
import dev.vigil.api.metrics.QueryValue.ScalarValue;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.api.metrics.StaleMarker;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Runs the cases of one script: loads its data into a fresh {@link TestingMetricStore} (a new one at every
 * {@code clear}), evaluates each eval through a {@link PromqlEngine} over it, and checks the outcome with
 * {@link ResultChecker}.
 *
 * <p>Like Prometheus's own harness, an instant eval that expects an instant vector or a scalar is also run as
 * a range query from one minute before to one minute after its time with a one-minute step, and the point at
 * its time must give the same result (skipped for expressions that use {@code start()}, {@code end()},
 * {@code range()} or {@code step()}, and the order not checked there). Set the system property
 * {@value #RANGE_MODE_PROPERTY} to {@code false} to leave that check out. Prometheus's harness also re-runs
 * each instant eval with {@code @} modifiers added to every selector; this runner does not.
 *
 * <p>An engine that throws a {@link RuntimeException} fails the case, whatever the case expects: errors
 * must come as a {@link QueryException}. One script at a time; not thread-safe.
 */
final class ScriptRunner {

    /** The system property that turns the range-mode check of instant evals off when {@code false}. */
    static final String RANGE_MODE_PROPERTY = "promql.conformance.rangeMode";

    private static final long MINUTE = 60_000;
    private static final Pattern QUERY_CONTEXT_FUNCTIONS = Pattern.compile("(?:start|end|range|step)\\(\\)");

    private final Script script;
    private final boolean rangeMode;
    private TestingMetricStore store = new TestingMetricStore();
    private MetricQuery engine = newEngine(store);
    private final List<Labels> nativeSeries = new ArrayList<>();
    private @Nullable String loadProblem;

    private ScriptRunner(Script script, boolean rangeMode) {
        this.script = script;
        this.rangeMode = rangeMode;
    }

    /** Runs every case of {@code script}, in order. */
    static List<CaseOutcome> run(Script script) {
        boolean rangeMode = !"false".equalsIgnoreCase(System.getProperty(RANGE_MODE_PROPERTY, "true"));
        return new ScriptRunner(script, rangeMode).runAll();
    }

    private List<CaseOutcome> runAll() {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (ScriptCommand command : script.commands()) {
            if (command instanceof ClearCommand) {
                store = new TestingMetricStore();
                engine = newEngine(store);
                nativeSeries.clear();
                loadProblem = null;
            } else if (command instanceof LoadCommand load) {
                load(load);
            } else {
                outcomes.add(runCase((EvalCommand) command));
            }
        }
        return outcomes;
    }

    private static MetricQuery newEngine(TestingMetricStore store) {
        return new PromqlEngine(store, EngineSettings.defaults());
    }

    private void load(LoadCommand load) {
        nativeSeries.addAll(NativeHistogramCases.nativeSeries(load));
        try (MetricAppender appender = store.appender()) {
            for (SeriesLine series : load.effectiveSeries()) {
                for (int i = 0; i < series.values().size(); i++) {
                    SeriesValue value = series.values().get(i);
                    long time = i * load.intervalMillis();
                    switch (value.kind()) {
                        case FLOAT -> appender.append(0, series.labels(), time, value.value());
                        case STALE -> appender.append(0, series.labels(), time, StaleMarker.VALUE);
                        case MISSING, HISTOGRAM -> {
                            // nothing to store: native histograms are cases this runner reports as unsupported
                        }
                    }
                }
            }
            appender.commit();
        } catch (SampleRejectedException | RuntimeException e) {
            if (loadProblem == null) {
                loadProblem = "the load at line " + load.line() + " was refused: " + e.getMessage();
            }
        }
    }

    private CaseOutcome runCase(EvalCommand eval) {
        String id = script.caseId(eval);
        String unsupported = NativeHistogramCases.reason(eval, nativeSeries);
        if (unsupported != null) {
            return new CaseOutcome(id, eval.expression(), CaseOutcome.Status.UNSUPPORTED, unsupported);
        }
        String problem = loadProblem != null ? loadProblem : check(eval);
        return problem == null
                ? new CaseOutcome(id, eval.expression(), CaseOutcome.Status.PASSED, "")
                : new CaseOutcome(id, eval.expression(), CaseOutcome.Status.FAILED, problem);
    }

    /** Runs the case; null when it passes, else why not. */
    private @Nullable String check(EvalCommand eval) {
        EvalCommand.Timing timing = eval.timing();
        Expectation failure = eval.expected().failure();
        QueryResult result;
        try {
            result = timing.range()
                    ? execute(engine.rangeQuery(eval.expression(), Instant.ofEpochMilli(timing.start()),
                            Instant.ofEpochMilli(timing.end()), Duration.ofMillis(timing.step()), QueryOptions.DEFAULTS))
                    : execute(engine.instantQuery(eval.expression(), Instant.ofEpochMilli(timing.end()), QueryOptions.DEFAULTS));
        } catch (QueryException e) {
            return failure != null ? ResultChecker.checkFailure(failure, String.valueOf(e.getMessage()))
                    : "failed with " + e.type().apiName() + " error: " + e.getMessage();
        } catch (RuntimeException e) {
            return "the engine threw " + e + (failure != null ? " where a QueryException was expected" : "");
        }
        if (failure != null) {
            return "expected an error matching " + failure + ", got " + ResultChecker.describe(result.value());
        }
        String problem = ResultChecker.checkAnnotations(eval.annotations(), result);
        if (problem == null) {
            problem = ResultChecker.checkValue(eval, result.value());
        }
        if (problem == null && rangeMode && !timing.range() && runsInRangeMode(eval, result.value())) {
            problem = checkInRangeMode(eval, result.value());
        }
        return problem;
    }

    private static boolean runsInRangeMode(EvalCommand eval, QueryValue instantValue) {
        return !eval.expected().rangeVector() && eval.expected().string() == null
                && !(instantValue instanceof QueryValue.StringValue) && !(instantValue instanceof MatrixValue)
                && !QUERY_CONTEXT_FUNCTIONS.matcher(eval.expression()).find();
    }

    /** Runs an instant eval as a range query around its time and checks the point at its time. */
    private @Nullable String checkInRangeMode(EvalCommand eval, QueryValue instantValue) {
        long time = eval.timing().end();
        QueryValue value;
        try {
            value = execute(engine.rangeQuery(eval.expression(), Instant.ofEpochMilli(time - MINUTE),
                    Instant.ofEpochMilli(time + MINUTE), Duration.ofMinutes(1), QueryOptions.DEFAULTS)).value();
        } catch (QueryException e) {
            return "range mode: failed with " + e.type().apiName() + " error: " + e.getMessage();
        } catch (RuntimeException e) {
            return "range mode: the engine threw " + e;
        }
        if (!(value instanceof MatrixValue matrix)) {
            return "range mode: a range query gave " + ResultChecker.describe(value);
        }
        if (eval.expected().ordered()) {
            return null;
        }
        for (int i = 0; i + 1 < matrix.series().size(); i++) {
            if (matrix.series().get(i).labels().compareTo(matrix.series().get(i + 1).labels()) > 0) {
                return "range mode: matrix is not sorted by labels: " + matrix.series().get(i).labels() + " comes before "
                        + matrix.series().get(i + 1).labels();
            }
        }
        List<Sample> atTime = new ArrayList<>();
        for (RangeSeries series : matrix.series()) {
            for (int j = 0; j < series.size(); j++) {
                if (series.timestamp(j) == time) {
                    atTime.add(new Sample(series.labels(), time, series.value(j)));
                    break;
                }
            }
        }
        QueryValue point;
        if (instantValue instanceof ScalarValue) {
            if (atTime.isEmpty()) {
                return "range mode: no point at the evaluation time for a scalar expression";
            }
            point = new ScalarValue(time, atTime.get(0).value());
        } else {
            point = new QueryValue.VectorValue(atTime);
        }
        String problem = ResultChecker.checkValue(eval, point);
        return problem == null ? null : "range mode: " + problem;
    }

    private static QueryResult execute(Query query) throws QueryException {
        try (query) {
            return query.execute();
        }
    }
}
