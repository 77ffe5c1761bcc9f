package dev.vigil.logging.logql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.logs.Severity;
import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Metric queries with numbers worked out by hand. The api service logs six lines at 5 s, 15 s, ... 55 s:
 * <pre>
 *  time  level  body                 bytes
 *   5 s  info   GET /a 200             10
 *  15 s  error  GET /b 500 timeout     18
 *  25 s  info   GET /c 200             10
 *  35 s  error  POST /d 500            11
 *  45 s  error  GET /e 503 timeout     18
 *  55 s  warn   GET /é 429             11 (é is two bytes)
 * </pre>
 * and the web service two JSON lines at 12 s and 42 s.
 */
class LogqlEngineMetricsTest {

    private static final Labels INFO = Labels.of("detected_level", "info", "service_name", "api");
    private static final Labels ERROR = Labels.of("detected_level", "error", "service_name", "api");
    private static final Labels WARN = Labels.of("detected_level", "warn", "service_name", "api");

    private final TestingLogQuery store = new TestingLogQuery();
    private final LogqlEngine engine = new LogqlEngine(store, 500);

    @BeforeEach
    void fill() {
        store.add(
                api(5, Severity.INFO, "GET /a 200"),
                api(15, Severity.ERROR, "GET /b 500 timeout"),
                api(25, Severity.INFO, "GET /c 200"),
                api(35, Severity.ERROR, "POST /d 500"),
                api(45, Severity.ERROR, "GET /e 503 timeout"),
                api(55, Severity.WARN, "GET /é 429"),
                Records.at(12).service("web").body("{\"status\":404,\"latency\":\"1.5s\"}").build(),
                Records.at(42).service("web").body("{\"status\":500,\"latency\":\"250ms\"}").build());
    }

    @Test
    void countOverTimeSlidesALeftOpenWindowOverEachStep() {
        MetricValue.Matrix matrix = range("count_over_time({service_name=\"api\"}[20s])", 20, 60, 20);

        assertThat(matrix.series()).containsExactly(
                series(ERROR, new long[] {20, 40, 60}, 1, 1, 1),
                series(INFO, new long[] {20, 40}, 1, 1),
                series(WARN, new long[] {60}, 1));
    }

    @Test
    void stepsWithoutLinesHaveNoPoint() {
        // t=10: (0,10] holds 5 s; t=20: (10,20] holds 15 s; t=30: (20,30] holds 25 s.
        assertThat(range("count_over_time({service_name=\"api\"}[10s])", 10, 30, 10).series()).containsExactly(
                series(ERROR, new long[] {20}, 1),
                series(INFO, new long[] {10, 30}, 1, 1));
        // t=15 with a 10 s range: (5,15] leaves out the line at 5 s and takes the one at 15 s.
        assertThat(instant("count_over_time({service_name=\"api\"}[10s])", 15).samples())
                .containsExactly(new MetricValue.Sample(ERROR, 15_000, 1));
    }

    @Test
    void sumRateBytesOverTimeAndBytesRate() {
        assertThat(range("sum(count_over_time({service_name=\"api\"}[20s]))", 20, 60, 20).series())
                .containsExactly(series(Labels.EMPTY, new long[] {20, 40, 60}, 2, 2, 2));
        assertThat(range("sum(rate({service_name=\"api\"}[20s]))", 20, 60, 20).series())
                .containsExactly(series(Labels.EMPTY, new long[] {20, 40, 60}, 0.1, 0.1, 0.1));
        // (0,20]: 10 + 18; (20,40]: 10 + 11; (40,60]: 18 + 11
        assertThat(range("sum(bytes_over_time({service_name=\"api\"}[20s]))", 20, 60, 20).series())
                .containsExactly(series(Labels.EMPTY, new long[] {20, 40, 60}, 28, 21, 29));
        // the sum of the rates of the error (18 / 20) and warn (11 / 20) series, in floating point
        assertThat(range("sum(bytes_rate({service_name=\"api\"}[20s]))", 20, 60, 20).series())
                .containsExactly(series(Labels.EMPTY, new long[] {20, 40, 60}, 1.4, 1.05, 18.0 / 20 + 11.0 / 20));
    }

    @Test
    void aggregationsOverTheLevels() {
        // over (0,60]: info 2, error 3, warn 1
        String levels = "sum by (detected_level) (count_over_time({service_name=\"api\"}[60s]))";
        assertThat(instant(levels, 60).samples()).containsExactly(
                new MetricValue.Sample(Labels.of("detected_level", "error"), 60_000, 3),
                new MetricValue.Sample(Labels.of("detected_level", "info"), 60_000, 2),
                new MetricValue.Sample(Labels.of("detected_level", "warn"), 60_000, 1));
        assertThat(value("topk(1, " + levels + ")")).containsExactly(new MetricValue.Sample(Labels.of("detected_level", "error"), 60_000, 3));
        assertThat(value("bottomk(2, " + levels + ")")).containsExactly(
                new MetricValue.Sample(Labels.of("detected_level", "info"), 60_000, 2),
                new MetricValue.Sample(Labels.of("detected_level", "warn"), 60_000, 1));
        assertThat(single("avg(" + levels + ")")).isEqualTo(2);
        assertThat(single("min(" + levels + ")")).isEqualTo(1);
        assertThat(single("max(" + levels + ")")).isEqualTo(3);
        assertThat(single("count(" + levels + ")")).isEqualTo(3);
        // deviations from the mean 2 are 1, 0 and -1: variance 2/3
        assertThat(single("stdvar(" + levels + ")")).isEqualTo(2.0 / 3);
        assertThat(single("stddev(" + levels + ")")).isEqualTo(Math.sqrt(2.0 / 3));
        assertThat(value("sort_desc(" + levels + ")")).extracting(MetricValue.Sample::value).containsExactly(3.0, 2.0, 1.0);
        assertThat(value("sort(" + levels + ")")).extracting(MetricValue.Sample::value).containsExactly(1.0, 2.0, 3.0);
        assertThat(value("sum without (detected_level) (count_over_time({service_name=\"api\"}[60s]))"))
                .containsExactly(new MetricValue.Sample(Labels.of("service_name", "api"), 60_000, 6));
    }

    @Test
    void binaryOperations() {
        String timeouts = "sum(count_over_time({service_name=\"api\"} |= \"timeout\" [60s]))";
        String all = "sum(count_over_time({service_name=\"api\"}[60s]))";
        assertThat(single(timeouts + " / " + all)).isEqualTo(2.0 / 6);
        assertThat(single(all + " * 10 - 1")).isEqualTo(59);
        assertThat(single("100 * " + timeouts)).isEqualTo(200);
        assertThat(value(all + " > 5")).extracting(MetricValue.Sample::value).containsExactly(6.0);
        assertThat(value(all + " > 6")).isEmpty();
        assertThat(single(all + " > bool 6")).isEqualTo(0);
        assertThat(single("7 > bool " + all)).isEqualTo(1);
        assertThat(value("count_over_time({service_name=\"api\"}[60s]) and count_over_time({service_name=\"api\"} |= \"timeout\" [60s])"))
                .extracting(MetricValue.Sample::labels).containsExactly(ERROR);
        assertThat(value("count_over_time({service_name=\"api\"}[60s]) unless count_over_time({service_name=\"api\"} |= \"timeout\" [60s])"))
                .extracting(MetricValue.Sample::labels).containsExactly(INFO, WARN);
        assertThat(value(timeouts + " or vector(0)")).containsExactly(new MetricValue.Sample(Labels.EMPTY, 60_000, 2));
    }

    @Test
    void grafanasHealthCheckAndLiterals() {
        assertThat(engine.instant((SampleExpr) LogqlParser.parse("vector(1)+vector(1)"), Instant.ofEpochSecond(4)).value())
                .isEqualTo(new MetricValue.Vector(List.of(new MetricValue.Sample(Labels.EMPTY, 4_000, 2))));
        assertThat(engine.instant((SampleExpr) LogqlParser.parse("1 + 1"), Instant.ofEpochSecond(4)).value())
                .isEqualTo(new MetricValue.Scalar(4_000, 2));
        assertThat(range("vector(3)", 0, 20, 10).series()).containsExactly(series(Labels.EMPTY, new long[] {0, 10, 20}, 3, 3, 3));
    }

    @Test
    void parsedLabelsAreSeriesLabels() {
        assertThat(instant("sum by (status) (count_over_time({service_name=\"web\"} | json | latency > 1s [60s]))", 60).samples())
                .containsExactly(new MetricValue.Sample(Labels.of("status", "404"), 60_000, 1));
    }

    @Test
    void linesThatFailAStageFailTheQueryUnlessFiltered() {
        assertThatThrownBy(() -> instant("count_over_time({service_name=\"api\"} | json [60s])", 60))
                .isInstanceOf(LogqlException.class)
                .hasMessageStartingWith("pipeline error: 'JSONParserErr' for series: '{__error__=\"JSONParserErr\", __error_details__=")
                .hasMessageEndingWith("'.\nUse a label filter to intentionally skip this error. (e.g | __error__!=\"JSONParserErr\").\n"
                        + "To skip all potential errors you can match empty errors.(e.g __error__=\"\")\n"
                        + "The label filter can also be specified after unwrap. (e.g | unwrap latency | __error__=\"\" )\n");
        assertThat(instant("count_over_time({service_name=\"api\"} | json | __error__=\"\" [60s])", 60).samples()).isEmpty();
        assertThat(instant("sum by (level, detected_level) (count_over_time({service_name=\"api\"} | json | drop __error__[60s]))", 60)
                .samples()).hasSize(3);
    }

    @Test
    void theSeriesLimitIsLokis() {
        LogqlEngine small = new LogqlEngine(store, 2);
        assertThatThrownBy(() -> small.range((SampleExpr) LogqlParser.parse("count_over_time({service_name=\"api\"}[60s])"),
                Instant.ofEpochSecond(60), Instant.ofEpochSecond(60), Duration.ofSeconds(1)))
                .isInstanceOf(LogqlException.class).hasMessage("maximum of series (2) reached for a single query");
        assertThatThrownBy(() -> small.instant((SampleExpr) LogqlParser.parse("count_over_time({service_name=\"api\"}[60s])"),
                Instant.ofEpochSecond(60))).hasMessage("maximum of series (2) reached for a single query");
    }

    @Test
    void theStoreIsAskedOnlyForTheWindowsTheStepsNeed() {
        range("count_over_time({service_name=\"api\"} |= \"GET\" [20s])", 40, 60, 20);

        assertThat(store.searches().get(0).filter().from()).isEqualTo(Instant.ofEpochSecond(20, 1));
        assertThat(store.searches().get(0).filter().to()).isEqualTo(Instant.ofEpochSecond(60, 1));
        assertThat(store.searches().get(0).direction()).isEqualTo(dev.vigil.api.logs.LogSearch.Direction.FORWARD);
    }

    private static dev.vigil.api.logs.LogRecord api(double seconds, Severity severity, String body) {
        return Records.at(seconds).service("api").severity(severity).body(body).build();
    }

    private static MetricValue.Series series(Labels labels, long[] seconds, double... values) {
        long[] millis = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            millis[i] = seconds[i] * 1000;
        }
        return new MetricValue.Series(labels, millis, values);
    }

    private MetricValue.Matrix range(String query, long start, long end, long step) {
        return (MetricValue.Matrix) engine.range((SampleExpr) LogqlParser.parse(query), Instant.ofEpochSecond(start),
                Instant.ofEpochSecond(end), Duration.ofSeconds(step)).value();
    }

    private MetricValue.Vector instant(String query, long time) {
        return (MetricValue.Vector) engine.instant((SampleExpr) LogqlParser.parse(query), Instant.ofEpochSecond(time)).value();
    }

    private List<MetricValue.Sample> value(String query) {
        return instant(query, 60).samples();
    }

    private double single(String query) {
        List<MetricValue.Sample> samples = value(query);
        assertThat(samples).hasSize(1);
        return samples.get(0).value();
    }
}
