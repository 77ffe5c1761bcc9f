package dev.vigil.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricMetadata;
import dev.vigil.api.metrics.MetricType;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenMetricsParserTest {

    private final OpenMetricsParser parser = new OpenMetricsParser();

    @Test
    void readsEveryMetricTypeAndDropsCreatedSamples() throws ParseException {
        String body = """
                # TYPE requests counter
                # UNIT requests
                # HELP requests Requests served.
                requests_total{path="/"} 12 1520879607.789
                requests_created{path="/"} 1520430000.123
                # TYPE temperature_celsius gauge
                # UNIT temperature_celsius celsius
                temperature_celsius 21.5
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.1"} 8 # {trace_id="abc"} 0.05 1520879607.7
                latency_seconds_bucket{le="+Inf"} 17
                latency_seconds_count 17
                latency_seconds_sum 324789.3
                latency_seconds_created 1520430000.123
                # TYPE queue gaugehistogram
                queue_bucket{le="+Inf"} 3
                queue_gcount 3
                queue_gsum 9
                # TYPE rpc summary
                rpc{quantile="0.5"} NaN
                rpc_count 0
                rpc_sum 0
                # TYPE build info
                build_info{version="1.2"} 1
                # TYPE feature stateset
                feature{feature="a"} 1
                feature{feature="b"} 0
                # TYPE other unknown
                other -Inf
                # EOF
                """;
        Exposition e = parser.parse(body);
        List<String> names = e.samples().stream().map(s -> s.labels().metricName()).toList();
        assertThat(names).doesNotContain("requests_created", "latency_seconds_created").hasSize(16);
        assertThat(e.samples().get(0)).isEqualTo(new ParsedSample(Labels.of("__name__", "requests_total", "path", "/"), 12, 1520879607789L));
        assertThat(e.samples().get(2).labels().get("le")).isEqualTo("0.1");
        assertThat(e.samples().get(2).value()).isEqualTo(8);
        assertThat(e.samples().get(2).timestamp()).isNull();
        assertThat(e.samples().get(9).value()).isNaN();
        assertThat(e.samples().get(15).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e.metadata()).containsEntry("requests", new MetricMetadata(MetricType.COUNTER, "Requests served.", ""));
        assertThat(e.metadata()).containsEntry("temperature_celsius", new MetricMetadata(MetricType.GAUGE, "", "celsius"));
        assertThat(e.metadata().get("queue").type()).isEqualTo(MetricType.GAUGE_HISTOGRAM);
        assertThat(e.metadata().get("build").type()).isEqualTo(MetricType.INFO);
        assertThat(e.metadata().get("feature").type()).isEqualTo(MetricType.STATESET);
        assertThat(e.metadata().get("other").type()).isEqualTo(MetricType.UNKNOWN);
    }

    @Test
    void resolvesEscapes() throws ParseException {
        Exposition e = parser.parse("# HELP m say \\\"hi\\\"\\n\\\\\nm{a=\"x\\\"y\\\\z\\nw\"} 1\n# EOF\n");
        assertThat(e.samples().get(0).labels().get("a")).isEqualTo("x\"y\\z\nw");
        assertThat(e.metadata().get("m").help()).isEqualTo("say \"hi\"\n\\");
    }

    @Test
    void acceptsEofWithoutFinalNewLine() throws ParseException {
        assertThat(parser.parse("m 1\n# EOF").samples()).hasSize(1);
    }

    @Test
    void refusesMalformedBodiesNamingTheLine() {
        assertProblem("m 1\n", 2, "missing # EOF");
        assertProblem("m 1\n# EOF\nm 2\n", 3, "unexpected content after # EOF");
        assertProblem("m 1\n\n# EOF\n", 2, "empty line");
        assertProblem("# a comment\n# EOF\n", 1, "expected # TYPE, # HELP, # UNIT or # EOF");
        assertProblem("m  1\n# EOF\n", 1, "expected value");
        assertProblem("m 1 later\n# EOF\n", 1, "invalid timestamp \"later\"");
        assertProblem("m{a=\"1\"}\n# EOF\n", 1, "expected a space and a value");
        assertProblem("# TYPE m histogramm\n# EOF\n", 1, "invalid metric type \"histogramm\"");
        assertProblem("ok 1\nm{a=\"1\" b=\"2\"} 1\n# EOF\n", 2, "expected ',' or '}'");
    }

    private void assertProblem(String body, int line, String problem) {
        assertThatThrownBy(() -> parser.parse(body))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(problem);
    }
}
