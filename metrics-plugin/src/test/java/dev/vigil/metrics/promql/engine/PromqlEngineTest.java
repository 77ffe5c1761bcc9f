package dev.vigil.metrics.promql.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the engine checks before a query runs, and the shape of its results. */
class PromqlEngineTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final PromqlEngine engine = new PromqlEngine(store, EngineSettings.defaults());

    private static ErrorType typeOf(Throwable e) {
        return ((QueryException) e).type();
    }

    private void assertBadRange(String expression, long start, long end, Duration step, String message) {
        assertThatThrownBy(() -> engine.rangeQuery(expression, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), step,
                QueryOptions.DEFAULTS))
                .hasMessage(message)
                .extracting(PromqlEngineTest::typeOf).isEqualTo(ErrorType.BAD_DATA);
    }

    @Test
    void aQueryThatDoesNotParseIsBadData() {
        assertThatThrownBy(() -> engine.instantQuery("sum(up", Instant.EPOCH, QueryOptions.DEFAULTS))
                .isInstanceOf(QueryException.class)
                .hasMessageStartingWith("1:")
                .extracting(PromqlEngineTest::typeOf).isEqualTo(ErrorType.BAD_DATA);
    }

    @Test
    void rangeQueriesAreChecked() {
        assertBadRange("up[5m]", 0, 60_000, Duration.ofSeconds(15),
                "invalid expression type \"range vector\" for range query, must be Scalar or instant Vector");
        assertBadRange("\"text\"", 0, 60_000, Duration.ofSeconds(15),
                "invalid expression type \"string\" for range query, must be Scalar or instant Vector");
        assertBadRange("up", 0, 60_000, Duration.ZERO,
                "zero or negative query resolution step widths are not accepted. Try a positive integer");
        assertBadRange("up", 60_000, 0, Duration.ofSeconds(15), "end timestamp must not be before start time");
        assertBadRange("up", 0, 11_000_000, Duration.ofMillis(1_000), "exceeded maximum resolution of 11,000 points per "
                + "timeseries. Try decreasing the query resolution (?step=XX)");
    }

    @Test
    void elevenThousandPointsAreAllowed() throws Exception {
        var result = engine.range("vector(1)", Instant.EPOCH, Instant.ofEpochSecond(10_999), Duration.ofSeconds(1));
        assertThat(((QueryValue.MatrixValue) result.value()).series().get(0).size()).isEqualTo(11_000);
    }

    @Test
    void resultsHaveThePrometheusTypes() throws Exception {
        assertThat(engine.instant("1 + 1", Instant.ofEpochSecond(10)).value()).isEqualTo(new QueryValue.ScalarValue(10_000, 2));
        assertThat(engine.instant("\"Foo\"", Instant.ofEpochSecond(10)).value()).isEqualTo(new QueryValue.StringValue(10_000, "Foo"));
        assertThat(engine.instant("up", Instant.EPOCH).value()).isEqualTo(new QueryValue.VectorValue(java.util.List.of()));
        var scalar = engine.range("time()", Instant.EPOCH, Instant.ofEpochSecond(20), Duration.ofSeconds(10));
        assertThat(Queries.matrix(scalar).values()).containsExactly("0=0 10=10 20=20");
    }
}
