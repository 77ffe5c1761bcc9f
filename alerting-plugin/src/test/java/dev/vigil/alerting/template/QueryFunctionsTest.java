package dev.vigil.alerting.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.Labels;
import dev.vigil.api.metrics.MetricAppender;
import dev.vigil.api.metrics.SampleRejectedException;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code query}, {@code first}, {@code label}, {@code value}, {@code strvalue} and {@code sortByLabel} against the
 * PromQL engine over an in-memory store, evaluated at the alert's evaluation time.
 */
class QueryFunctionsTest {

    private final TestingMetricStore store = new TestingMetricStore();
    private final PromqlEngine engine = new PromqlEngine(store, EngineSettings.defaults());

    @BeforeEach
    void fillStore() throws SampleRejectedException {
        long t = Render.EVALUATION_TIME - 30_000;
        try (MetricAppender appender = store.appender()) {
            appender.append(0, Labels.of("__name__", "up", "instance", "node-2:9100", "job", "node"), t, 0);
            appender.append(0, Labels.of("__name__", "up", "instance", "node-1.example.com:9100", "job", "node"), t, 1);
            appender.append(0, Labels.of("__name__", "node_memory_MemTotal_bytes", "instance", "node-1.example.com:9100"),
                    t, 17_179_869_184.0);
            appender.append(0, Labels.of("__name__", "node_memory_MemAvailable_bytes", "instance",
                    "node-1.example.com:9100"), t, 1_288_490_188.8);
            appender.append(0, Labels.of("__name__", "build_info", "__value__", "v2.1.0", "instance", "a"), t, 1);
            // Samples from after the evaluation time must not be seen.
            appender.append(0, Labels.of("__name__", "later", "instance", "a"), Render.EVALUATION_TIME + 60_000, 5);
            appender.commit();
        }
    }

    private String render(String template) throws TemplateException {
        return Render.render(template, Render.data(42.5, engine));
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("{{ with query \"node_memory_MemTotal_bytes\" }}{{ . | first | value | humanize1024 }}B{{ end }}",
                        "16GiB"),
                Arguments.of("{{ with query \"sum(up)\" }}{{ . | first | value }}{{ end }}", "1"),
                Arguments.of("{{ query \"1 + 1.5\" | first | value }}", "2.5"),
                Arguments.of("{{ with query \"absent_metric\" }}{{ . | first | value }}{{ else }}no data{{ end }}", "no data"),
                Arguments.of("{{ with query \"later\" }}seen{{ else }}not yet{{ end }}", "not yet"),
                Arguments.of("{{ range query \"up\" | sortByLabel \"instance\" }}{{ .Labels.instance }}={{ .Value }} {{ end }}",
                        "node-1.example.com:9100=1 node-2:9100=0 "),
                Arguments.of("{{ range $i, $s := query \"up\" | sortByLabel \"instance\" }}{{ $i }}:{{ label \"instance\" $s }}"
                        + "{{ if $s.Value }}(up){{ end }} {{ end }}", "0:node-1.example.com:9100(up) 1:node-2:9100 "),
                Arguments.of("{{ $r := query \"up\" | sortByLabel \"instance\" }}{{ len $r }} {{ (index $r 1).Labels.instance }}",
                        "2 node-2:9100"),
                Arguments.of("{{ query \"up{instance='node-2:9100'}\" | first | label \"job\" }}", "node"),
                Arguments.of("{{ query \"up{instance='node-2:9100'}\" | first | label \"missing\" }}", ""),
                Arguments.of("{{ $x := query \"up{instance='node-2:9100'}\" | first }}[{{ $x.Labels.foo }}]", "[]"),
                Arguments.of("{{ query \"build_info\" | first | strvalue }}", "v2.1.0"),
                Arguments.of("{{ query \"up{instance='node-2:9100'}\" | first }}", "{map[__name__:up instance:node-2:9100 job:node] 0}"),
                Arguments.of("{{ printf \"%v\" (query \"up{instance='node-2:9100'}\" | first) }}",
                        "&{map[__name__:up instance:node-2:9100 job:node] 0}"),
                Arguments.of("{{ with printf \"node_memory_MemAvailable_bytes{instance='%s'}\" $labels.instance | query }}"
                        + "{{ . | first | value | humanize1024 }}B available{{ end }}", "1.2GiB available"),
                Arguments.of("{{ with query (printf \"node_memory_MemAvailable_bytes{instance='%s'} / "
                        + "node_memory_MemTotal_bytes{instance='%s'}\" $labels.instance $labels.instance) }}"
                        + "{{ . | first | value | humanizePercentage }}{{ end }}", "7.5%"),
                Arguments.of("{{ if gt (query \"sum(up)\" | first | value) 0.5 }}some up{{ end }}", "some up"),
                Arguments.of("{{ range query \"up == 0\" }}{{ .Labels.instance | stripPort }} is down{{ end }}", "node-2 is down"),
                Arguments.of("{{ (query \"time()\" | first).Value | humanizeTimestamp }}", "2024-03-01 12:00:00 +0000 UTC"));
    }

    @ParameterizedTest
    @MethodSource("queries")
    void queriesTheEngineAtTheEvaluationTime(String template, String expected) throws TemplateException {
        assertThat(render(template)).isEqualTo(expected);
    }

    @Test
    void aQueryThatDoesNotParseFailsTheExpansion() {
        assertThatThrownBy(() -> render("{{ query \"up{\" }}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageStartingWith("error executing template test: template: test:1:" + Render.column(3)
                        + ": executing \"test\" at <query \"up{\">: error calling query: ")
                .hasMessageContaining("parse error");
    }

    @Test
    void aRangeVectorOrStringIsNotAQueryResult() {
        assertThatThrownBy(() -> render("{{ query \"up[5m]\" }}"))
                .hasMessageEndingWith("error calling query: rule result is not a vector or scalar");
        assertThatThrownBy(() -> render("{{ query \"\\\"text\\\"\" }}"))
                .hasMessageEndingWith("error calling query: rule result is not a vector or scalar");
    }

    @Test
    void firstOfNothingFailsAsInPrometheus() {
        assertThatThrownBy(() -> render("{{ query \"absent_metric\" | first }}"))
                .hasMessage("error executing template test: template: test:1:" + Render.column(27)
                        + ": executing \"test\" at <first>: error calling first: first() called on vector with no elements");
    }

    @Test
    void aFieldOfAQueryResultNamesTheResultType() {
        assertThatThrownBy(() -> render("{{ (query \"absent_metric\").banana }}"))
                .hasMessage("error executing template test: template: test:1:" + Render.column(10)
                        + ": executing \"test\" at <\"absent_metric\">: can't evaluate field banana in type "
                        + "template.queryResult");
    }
}
