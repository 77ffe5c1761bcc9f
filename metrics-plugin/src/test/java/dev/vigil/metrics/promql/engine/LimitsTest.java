package dev.vigil.metrics.promql.engine;

import static dev.vigil.metrics.promql.engine.Exprs.agg;
import static dev.vigil.metrics.promql.engine.Exprs.sel;
import static dev.vigil.metrics.promql.engine.TestData.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryException;
import dev.vigil.api.metrics.QueryException.ErrorType;
import dev.vigil.metrics.promql.ast.AggregateOp;
import dev.vigil.metrics.promql.ast.Expr;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private final TestingMetricStore data = new TestingMetricStore();
    private final TrackingStore store = new TrackingStore(data);

    private void manySeries(int series, int samples) {
        for (int i = 0; i < series; i++) {
            load(data, 10_000, Labels.of("__name__", "m", "i", Integer.toString(i)), TestData.series(0, 1, samples - 1));
        }
    }

    private PromqlQuery query(Expr expr, PromqlQuery.Limits limits, long start, long end, long step) {
        return new PromqlQuery(store, "m", expr, limits, start, end, step);
    }

    private static ErrorType typeOf(Throwable e) {
        return ((QueryException) e).type();
    }

    @Test
    void tooManySamplesFailsAsAnExecutionErrorAndClosesTheView() {
        manySeries(10, 100);
        var limits = new PromqlQuery.Limits(Run.DEFAULT.timeoutNanos(), 50, Run.DEFAULT.lookbackMillis());

        try (PromqlQuery q = query(sel("m"), limits, 0, 990_000, 10_000)) {
            assertThatThrownBy(q::execute)
                    .hasMessage("query processing would load too many samples into memory in query execution")
                    .extracting(LimitsTest::typeOf).isEqualTo(ErrorType.EXECUTION);
        }
        assertThat(store.openQueriers()).isZero();
    }

    @Test
    void theLimitCountsSamplesHeldNotSamplesRead() throws Exception {
        manySeries(10, 100);
        var limits = new PromqlQuery.Limits(Run.DEFAULT.timeoutNanos(), 1_100, Run.DEFAULT.lookbackMillis());

        try (PromqlQuery q = query(agg(AggregateOp.SUM, sel("m")), limits, 0, 990_000, 10_000)) {
            assertThat(q.execute().samples()).isEqualTo(1_000);
        }
    }

    @Test
    void aQueryCancelledBeforeItRunsFails() {
        manySeries(1, 10);

        try (PromqlQuery q = query(sel("m"), Run.DEFAULT, 0, 0, 0)) {
            q.cancel();
            assertThatThrownBy(q::execute)
                    .hasMessage("query was canceled in query execution")
                    .extracting(LimitsTest::typeOf).isEqualTo(ErrorType.CANCELED);
        }
    }

    @Test
    void aRunningQueryStopsWhenCancelledFromAnotherThread() {
        manySeries(50, 10);
        AtomicReference<PromqlQuery> running = new AtomicReference<>();
        store.onSelect(() -> CompletableFuture.runAsync(() -> running.get().cancel()).join());

        try (PromqlQuery q = query(sel("m"), Run.DEFAULT, 0, 90_000, 10_000)) {
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
        var limits = new PromqlQuery.Limits(1_000_000, Run.DEFAULT.maxSamples(), Run.DEFAULT.lookbackMillis());

        try (PromqlQuery q = query(agg(AggregateOp.SUM, sel("m")), limits, 0, 1_990_000, 10_000)) {
            assertThatThrownBy(q::execute).extracting(LimitsTest::typeOf).isEqualTo(ErrorType.TIMEOUT);
        }
        assertThat(store.openQueriers()).isZero();
    }

    @Test
    void aQueryRunsOnlyOnce() throws Exception {
        manySeries(1, 10);

        try (PromqlQuery q = query(sel("m"), Run.DEFAULT, 0, 0, 0)) {
            q.execute();
            assertThatThrownBy(q::execute).isInstanceOf(IllegalStateException.class);
        }
    }
}
