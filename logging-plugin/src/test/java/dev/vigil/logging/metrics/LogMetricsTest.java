package dev.vigil.logging.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.LogRecord;
import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.QueryValue;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.testing.TestingMetricStore;
import dev.vigil.testkit.TestingClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogMetricsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static LogRecord record(String service, Severity severity, String body) {
        return new LogRecord(0, severity, "", body, Map.of("service.name", service), "com.example.Pay", Map.of("http.route", "/pay"), "", "");
    }

    private static LogMetricSettings errors(List<String> labels) {
        return new LogMetricSettings("log_errors_total", "errors", Set.of(), Set.of(Severity.ERROR, Severity.FATAL), Set.of(),
                List.of(), "", Map.of(), labels);
    }

    @Test
    void matchingRecordsAreCountedBySeriesAndWrittenAsCountersBornAtZero() {
        TestingClock clock = new TestingClock(T0);
        LogMetrics metrics = new LogMetrics(List.of(errors(List.of("service", "level"))), clock);
        TestingMetricStore store = new TestingMetricStore();

        metrics.observe(List.of(record("checkout", Severity.ERROR, "timeout"), record("checkout", Severity.INFO, "ok"),
                record("cart", Severity.FATAL, "oom"), record("checkout", Severity.ERROR, "timeout again")));
        clock.set(T0.plusSeconds(15));
        assertThat(metrics.flush(store)).isEqualTo(4);

        Labels checkout = Labels.of("__name__", "log_errors_total", "level", "error", "service", "checkout");
        assertThat(store.samples(checkout)).containsExactly(
                new TestingMetricStore.Sample(T0.toEpochMilli() - 1, 0), new TestingMetricStore.Sample(T0.toEpochMilli() + 15_000, 2));
        assertThat(store.seriesNamed("log_errors_total")).hasSize(2);
        assertThat(store.metadata().get("log_errors_total").help()).isEqualTo("errors");
    }

    @Test
    void anAlertConditionOnTheCounterSeesEveryRecord() throws Exception {
        TestingClock clock = new TestingClock(T0);
        LogMetrics metrics = new LogMetrics(List.of(errors(List.of("service"))), clock);
        TestingMetricStore store = new TestingMetricStore();
        List<LogRecord> burst = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            burst.add(record("checkout", Severity.ERROR, "timeout " + i));
        }
        for (int second = 0; second <= 120; second += 15) {
            clock.set(T0.plusSeconds(second));
            if (second == 30) {
                metrics.observe(burst);
            }
            metrics.flush(store);
        }

        QueryValue value = new PromqlEngine(store, EngineSettings.defaults())
                .instant("increase(log_errors_total[5m]) > 10", T0.plusSeconds(120)).value();

        assertThat(((QueryValue.VectorValue) value).samples()).singleElement()
                .satisfies(s -> assertThat(s.labels().get("service")).isEqualTo("checkout"));
    }

    @Test
    void filtersOnServiceTextRegexAttributesAndLoggers() {
        TestingClock clock = new TestingClock(T0);
        LogMetricSettings timeouts = new LogMetricSettings("checkout_timeouts_total", "timeouts", Set.of("checkout"), Set.of(),
                Set.of("com.example.Pay"), List.of("timeout"), "after [0-9]+ms", Map.of("http.route", "/pay"), List.of("http.route"));
        LogMetrics metrics = new LogMetrics(List.of(timeouts), clock);
        TestingMetricStore store = new TestingMetricStore();

        metrics.observe(List.of(record("checkout", Severity.WARN, "timeout after 300ms"), record("checkout", Severity.WARN, "timeout"),
                record("cart", Severity.WARN, "timeout after 300ms")));
        clock.set(T0.plusSeconds(1));
        metrics.flush(store);

        assertThat(store.samples(Labels.of("__name__", "checkout_timeouts_total", "http_route", "/pay")))
                .last().satisfies(s -> assertThat(s.value()).isEqualTo(1.0));
    }

    @Test
    void badSettingsAreRefusedWithTheKey() {
        assertThatThrownBy(() -> new LogMetricSettings("log errors", "", Set.of(), Set.of(), Set.of(), List.of(), "", Map.of(), List.of()))
                .hasMessageStartingWith("name: 'log errors' is not a valid metric name");
        assertThatThrownBy(() -> new LogMetricSettings("x_total", "", Set.of(), Set.of(), Set.of(), List.of(), "(", Map.of(), List.of()))
                .hasMessageContaining("invalid regular expression");
    }
}
