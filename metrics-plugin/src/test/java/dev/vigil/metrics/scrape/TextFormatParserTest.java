package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import org.junit.jupiter.api.Test;

class TextFormatParserTest {

    private final TextFormatParser parser = new TextFormatParser();

    @Test
    void readsEveryMetricTypeWithMetadata() throws ParseException {
        String body = """
                # HELP http_requests_total The total number of HTTP requests.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400"}    3 1395066363000

                # A plain comment
                # TYPE temperature gauge
                temperature -3.5e1
                # TYPE latency histogram
                latency_bucket{le="0.5"} 24054
                latency_bucket{le="+Inf"} 144320
                latency_sum 53423
                latency_count 144320
                # TYPE rpc summary
                rpc{quantile="0.99"} 76656
                rpc_sum 1.7560473e+07
                rpc_count 2693
                # TYPE mystery untyped
                mystery 1
                """;
        Exposition e = parser.parse(body);
        assertThat(e.samples()).hasSize(11);
        assertThat(e.samples().get(0)).isEqualTo(new ParsedSample(
                Labels.of("__name__", "http_requests_total", "method", "post", "code", "200"), 1027, 1395066363000L));
        assertThat(e.samples().get(2)).isEqualTo(new ParsedSample(Labels.of("__name__", "temperature"), -35, null));
        assertThat(e.samples().get(4).labels().get("le")).isEqualTo("+Inf");
        assertThat(e.metadata()).containsEntry("http_requests_total",
                new MetricMetadata(MetricType.COUNTER, "The total number of HTTP requests.", ""));
        assertThat(e.metadata().get("temperature").type()).isEqualTo(MetricType.GAUGE);
        assertThat(e.metadata().get("latency").type()).isEqualTo(MetricType.HISTOGRAM);
        assertThat(e.metadata().get("rpc").type()).isEqualTo(MetricType.SUMMARY);
        assertThat(e.metadata().get("mystery").type()).isEqualTo(MetricType.UNKNOWN);
    }

    @Test
    void resolvesEscapesInLabelValuesAndHelp() throws ParseException {
        String body = """
                # HELP msg A help with a \\\\ backslash,\\na new line and \\"quotes\\" kept
                msg{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\"",} 1
                """;
        Exposition e = parser.parse(body);
        Labels labels = e.samples().get(0).labels();
        assertThat(labels.get("path")).isEqualTo("C:\\DIR\\FILE.TXT");
        assertThat(labels.get("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
        assertThat(e.metadata().get("msg").help()).isEqualTo("A help with a \\ backslash,\na new line and \\\"quotes\\\" kept");
    }

    @Test
    void readsSpecialFloatsAndTimestamps() throws ParseException {
        Exposition e = parser.parse("a +Inf\nb -Inf 5\nc NaN -1\nd 1e-3\n");
        assertThat(e.samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e.samples().get(1).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.samples().get(1).timestamp()).isEqualTo(5L);
        assertThat(e.samples().get(2).value()).isNaN();
        assertThat(e.samples().get(2).timestamp()).isEqualTo(-1L);
        assertThat(e.samples().get(3).value()).isEqualTo(0.001);
    }

    @Test
    void leavesOutLabelsWithEmptyValues() throws ParseException {
        Exposition e = parser.parse("m{a=\"\",b=\"x\"} 1\n");
        assertThat((Object) e.samples().get(0).labels()).isEqualTo(Labels.of("__name__", "m", "b", "x"));
    }

    @Test
    void refusesMalformedLinesNamingTheLine() {
        assertProblem("ok 1\nbad{a=\"1\" 2\n", 2, "expected ',' or '}'");
        assertProblem("ok 1\n\nno_value\n", 3, "expected a blank and a value");
        assertProblem("m abc\n", 1, "invalid value \"abc\"");
        assertProblem("m 1 1.5\n", 1, "invalid timestamp \"1.5\"");
        assertProblem("m 1 2 3\n", 1, "unexpected text after the timestamp");
        assertProblem("m{a=\"x\\q\"} 1\n", 1, "invalid escape sequence");
        assertProblem("m{a=\"unterminated} 1\n", 1, "unterminated quoted label value");
        assertProblem("m{a=\"1\",a=\"2\"} 1\n", 1, "label name a appears more than once");
        assertProblem("# TYPE m countr\n", 1, "invalid metric type \"countr\"");
        assertProblem("# TYPE m counter\n# TYPE m gauge\n", 2, "second TYPE line for metric m");
        assertProblem("0m 1\n", 1, "expected a metric name");
    }

    private void assertProblem(String body, int line, String problem) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((ParseException) e).line()).isEqualTo(line));
    }
}
