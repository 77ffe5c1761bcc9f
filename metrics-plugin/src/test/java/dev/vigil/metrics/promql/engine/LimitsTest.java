package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.Query;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.api.metrics.QueryOptions;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private final TestingMetricStore data = new TestingMetricStore();
    private final TrackingStore store = new TrackingStore(data);
    private final Queries queries = new Queries(store);

    private void manySeries(int series, int samples) {
        for (int i = 0; i < series; i++) {
            load(data, 10_000, Labels.of("__name__", "m", "i", Integer.toString(i)), TestData.series(0, 1, samples - 1));
        }
    }

    private static ErrorType typeOf(Throwable e) {
        return ((QueryException) e).type();
    }

    @Test
    void tooManySamplesFailsAsAnExecutionErrorAndClosesTheView() {
        manySeries(10, 100);

        assertThatThrownBy(() -> queries.range("m", 0, 990_000, 10_000, QueryOptions.DEFAULTS.withMaxSamples(50L)))
                .hasMessage("query processing would load too many samples into memory in query execution")
                .extracting(LimitsTest::typeOf).isEqualTo(ErrorType.EXECUTION);
        assertThat(store.openQueriers()).isZero();
    }

    @Test
    void theLimitCountsSamplesHeldNotSamplesRead() throws Exception {
        manySeries(10, 100);

        var result = queries.range("sum(m)", 0, 990_000, 10_000, QueryOptions.DEFAULTS.withMaxSamples(1_000L));
        assertThat(result.samples()).isEqualTo(1_000);
        assertThatThrownBy(() -> queries.range("sum(m)", 0, 990_000, 10_000, QueryOptions.DEFAULTS.withMaxSamples(999L)))
                .extracting(LimitsTest::typeOf).isEqualTo(ErrorType.EXECUTION);
    }

    @Test
    void aSubqueryWithMoreStepsThanTheLimitFailsBeforeAllocating() {
        manySeries(1, 10);

        assertThatThrownBy(() -> queries.instant("count_over_time(m[1d:1ms])", 100_000, QueryOptions.DEFAULTS.withMaxSamples(1_000L)))
                .hasMessage("query processing would load too many samples into memory in query execution");
    }

    @Test
    void optionsOverrideTheLookback() throws Exception {
        manySeries(1, 1);

        assertThat(queries.vector("m", 60_000)).hasSize(1);
        assertThat(Queries.vector(queries.instant("m", 60_000, QueryOptions.DEFAULTS.withLookbackDelta(Duration.ofSeconds(30)))))
                .isEmpty();
    }

    @Test
    void aQueryCancelledBeforeItRunsFails() throws Exception {
        manySeries(1, 10);

        try (Query q = queries.engine().instantQuery("m", Instant.EPOCH, QueryOptions.DEFAULTS)) {
            q.cancel();
            assertThatThrownBy(q::execute)
                    .hasMessage("query was canceled in query execution")
                    .extracting(LimitsTest::typeOf).isEqualTo(ErrorType.CANCELED);
        }
    }

    @Test
    void aRunningQueryStopsWhenCancelledFromAnotherThread() throws Exception {
        manySeries(50, 10);
        AtomicReference<Query> running = new AtomicReference<>();
        store.onSelect(() -> CompletableFuture.runAsync(() -> running.get().cancel()).join());

        try (Query q = queries.engine().rangeQuery("m", Instant.EPOCH, Instant.ofEpochSecond(90), Duration.ofSeconds(10),
                QueryOptions.DEFAULTS)) {
            running.set(q);
            assertThatThrownBy(q::execute)
                    .hasMessage("query was canceled in expression evaluation")
                    .extracting(LimitsTest::typeOf).isEqualTo(ErrorType.CANCELED);
        }
        assertThat(store.openQueriers()).isZero();
    }

    @Test
    void aQueryPastItsTimeoutFails() {
        manySeries(300, 200);

        assertThatThrownBy(() -> queries.range("sum(rate(m[1m]))", 0, 1_990_000, 10_000,
                QueryOptions.DEFAULTS.withTimeout(Duration.ofMillis(1))))
                .extracting(LimitsTest::typeOf).isEqualTo(ErrorType.TIMEOUT);
        assertThat(store.openQueriers()).isZero();
    }

    @Test
    void aQueryRunsOnlyOnce() throws Exception {
        manySeries(1, 10);

        try (Query q = queries.engine().instantQuery("m", Instant.EPOCH, QueryOptions.DEFAULTS)) {
            q.execute();
            assertThatThrownBy(q::execute).isInstanceOf(IllegalStateException.class);
        }
    }
}
