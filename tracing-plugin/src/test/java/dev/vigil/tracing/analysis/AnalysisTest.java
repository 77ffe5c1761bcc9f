package dev.vigil.tracing.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.api.traces.SpanKind;
import dev.vigil.api.traces.SpanRecord;
import dev.vigil.api.traces.SpanStatus;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.testkit.TestingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One checkout trace, worked out by hand: the front end's {@code GET /checkout} (0–100 ms) calls the cart (10–40 ms)
 * and, once the cart's answer is in at 30 ms, payments (30–90 ms, failed), and renders something itself (20–25 ms).
 */
class AnalysisTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final long MS = 1_000_000L;

    private static SpanRecord span(String id, String parent, String service, String name, SpanKind kind, long startMs, long endMs,
            boolean error) {
        return new SpanRecord(TRACE, id, parent, name, kind, startMs * MS, endMs * MS,
                error ? new SpanStatus(SpanStatus.Code.ERROR, "declined") : SpanStatus.UNSET, Map.of("service.name", service), "",
                Map.of(), List.of(), List.of());
    }

    static final SpanRecord ROOT = span("a000000000000001", "", "front", "GET /checkout", SpanKind.SERVER, 0, 100, false);
    static final SpanRecord CART = span("b000000000000002", ROOT.spanId(), "cart", "GET /cart", SpanKind.SERVER, 10, 40, false);
    static final SpanRecord PAY = span("c000000000000003", ROOT.spanId(), "payments", "POST /pay", SpanKind.SERVER, 30, 90, true);
    static final SpanRecord RENDER = span("d000000000000004", ROOT.spanId(), "front", "render", SpanKind.INTERNAL, 20, 25, false);
    static final List<SpanRecord> TRACE_SPANS = List.of(RENDER, PAY, ROOT, CART);

    @Test
    void theCriticalPathFollowsTheChildThatFinishedLastAtEachMoment() {
        List<CriticalPath.Segment> path = CriticalPath.of(TRACE_SPANS);
        assertThat(path).extracting(s -> s.span().name() + " " + s.startNanos() / MS + "-" + s.endNanos() / MS)
                .containsExactly("GET /checkout 0-10", "GET /cart 10-30", "POST /pay 30-90", "GET /checkout 90-100");
        assertThat(path.stream().mapToLong(s -> s.endNanos() - s.startNanos()).sum()).isEqualTo(100 * MS);
        assertThat(CriticalPath.of(List.of(CART))).as("no root: a child alone").isEmpty();
    }

    @Test
    void bottlenecksRankTheChildOperationsByTheirTimeOnThePath() {
        List<Bottlenecks.Contributor> top = Bottlenecks.of("front", "GET /checkout", List.of(TRACE_SPANS, TRACE_SPANS));
        assertThat(top).extracting(c -> c.service() + " " + c.operation() + " " + c.total().toMillis() + "ms " + c.spans())
                .containsExactly("payments POST /pay 120ms 2", "front (self) 40ms 2", "cart GET /cart 40ms 2");
        assertThat(top.get(0).share()).isEqualTo(0.6);
    }

    @Test
    void theServiceMapHasAnEdgePerCallerAndCalleeWithCallsErrorsAndLatency() {
        List<ServiceMap.Edge> edges = ServiceMap.of(TRACE_SPANS, Duration.ofSeconds(10));
        assertThat(edges).extracting(e -> e.caller() + "->" + e.callee() + " " + e.calls() + " " + e.errors() + " " + e.p50().toMillis())
                .containsExactly("front->cart 1 0 30", "front->payments 1 1 60");
        assertThat(edges.get(0).ratePerSecond()).isEqualTo(0.1);
        assertThat(edges.get(1).errorRate()).isEqualTo(1.0);
    }

    @Test
    void spanMetricsCountCallsErrorsAndDurationsThatPromqlCanQuery() throws Exception {
        Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
        TestingClock clock = new TestingClock(t0);
        SpanMetrics metrics = new SpanMetrics(clock);
        TestingMetricStore store = new TestingMetricStore();
        for (int i = 0; i < 3; i++) {
            metrics.observe(TRACE_SPANS);
        }
        clock.advance(Duration.ofSeconds(15));
        metrics.flush(store);

        Labels payErrors = Labels.of("__name__", "traces_span_metrics_calls_total", "service_name", "payments", "span_name", "POST /pay",
                "span_kind", "SPAN_KIND_SERVER", "status_code", "STATUS_CODE_ERROR");
        assertThat(store.samples(payErrors)).extracting(TestingMetricStore.Sample::value).containsExactly(0.0, 3.0);
        Labels cartUnder50ms = Labels.of("__name__", "traces_span_metrics_duration_seconds_bucket", "service_name", "cart", "span_name",
                "GET /cart", "span_kind", "SPAN_KIND_SERVER", "status_code", "STATUS_CODE_UNSET", "le", "0.05");
        assertThat(store.samples(cartUnder50ms)).last().satisfies(s -> assertThat(s.value()).isEqualTo(3.0));
        assertThat(metrics.size()).isEqualTo(4);

        PromqlEngine engine = new PromqlEngine(store, EngineSettings.defaults());
        QueryValue errors = engine.instant("sum by (service_name) (increase(traces_span_metrics_calls_total{status_code=\"STATUS_CODE_ERROR\"}[1m]))",
                clock.instant()).value();
        assertThat(((QueryValue.VectorValue) errors).samples()).singleElement().satisfies(s -> {
            assertThat(s.labels().get("service_name")).isEqualTo("payments");
            assertThat(s.value()).isGreaterThanOrEqualTo(3.0);
        });
        QueryValue p50 = engine.instant("histogram_quantile(0.5, sum by (le) (traces_span_metrics_duration_seconds_bucket{service_name=\"payments\"}))",
                clock.instant()).value();
        assertThat(((QueryValue.VectorValue) p50).samples()).singleElement()
                .satisfies(s -> assertThat(s.value()).isBetween(0.05, 0.1));
    }
}
