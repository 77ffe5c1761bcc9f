package dev.vigil.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.api.metrics.MetricQuery;
import dev.vigil.api.metrics.MetricSandbox;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.sandbox.TsdbSandboxes;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule tool the command line uses: promtool's reports, over the metrics plugin's sandboxes. */
class RuleFileToolTest {

    private static final String RULES = """
            groups:
              - name: alerts
                rules:
                  - alert: InstanceDown
                    expr: up == 0
                    for: 5m
                    labels:
                      severity: page
                  - record: job:up:sum
                    expr: sum by (job) (up)
            """;

    private static final String TESTS = """
            rule_files: [rules.yml]
            evaluation_interval: 1m
            tests:
              - name: down
                input_series:
                  - series: 'up{job="api", instance="a"}'
                    values: '0x10'
                alert_rule_test:
                  - eval_time: 10m
                    alertname: InstanceDown
                    exp_alerts:
                      - exp_labels: {severity: page, job: api, instance: a}
              - name: sum
                input_series:
                  - series: 'up{job="api", instance="a"}'
                    values: '1x10'
                promql_expr_test:
                  - expr: job:up:sum
                    eval_time: 5m
                    exp_samples:
                      - labels: 'job:up:sum{job="api"}'
                        value: 2
            """;

    @TempDir
    Path dir;

    private RuleFileTool tool;
    private final StringWriter report = new StringWriter();
    private final PrintWriter out = new PrintWriter(report);

    @BeforeEach
    void tool() throws IOException {
        MetricQuery engine = new PromqlEngine(new TestingMetricStore(), EngineSettings.defaults());
        MetricSandbox.Factory sandboxes = TsdbSandboxes.in(dir.resolve("sandboxes"), EngineSettings.defaults());
        tool = new RuleFileTool(() -> Optional.of(engine), () -> Optional.of(sandboxes));
        Files.writeString(dir.resolve("rules.yml"), RULES);
        Files.writeString(dir.resolve("tests.yml"), TESTS);
    }

    @Test
    void checkReportsEachFileAsPromtoolDoes() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yml"), "groups:\n  - name: g\n    rules:\n      - record: x\n        expr: sum(\n");
        assertThat(tool.check(List.of(dir.resolve("rules.yml")), out)).isTrue();
        assertThat(tool.check(List.of(dir.resolve("rules.yml"), bad), out)).isFalse();
        assertThat(report.toString())
                .contains("Checking " + dir.resolve("rules.yml") + "\n  SUCCESS: 2 rules found\n")
                .contains("Checking " + bad + "\n  FAILED:\n" + bad + ": 5:15: group \"g\", rule 1, \"x\": could not parse expression: ");
    }

    @Test
    void testRunsEveryGroupAndShowsWhatWasExpectedAndWhatCameOut() {
        assertThat(tool.test(List.of(dir.resolve("tests.yml")), List.of(), out)).isFalse();
        assertThat(report.toString()).startsWith("Unit Testing:  " + dir.resolve("tests.yml") + "\n  FAILED:\n")
                .contains("  FAILED:\n    expr: \"job:up:sum\", time: 5m,\n        exp: {__name__=\"job:up:sum\", job=\"api\"} 2E+00\n"
                        + "        got: {__name__=\"job:up:sum\", job=\"api\"} 1E+00\n")
                .doesNotContain("name: down");
    }

    @Test
    void runSelectsGroupsByRegularExpression() {
        assertThat(tool.test(List.of(dir.resolve("tests.yml")), List.of("^do"), out)).isTrue();
        assertThat(report.toString()).isEqualTo("Unit Testing:  " + dir.resolve("tests.yml") + "\n  SUCCESS\n\n");
        assertThat(tool.test(List.of(dir.resolve("tests.yml")), List.of("nothing", "u"), out)).isFalse();
    }

    @Test
    void aBadRunPatternIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> tool.test(List.of(dir.resolve("tests.yml")), List.of("("), out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid regular expression: ( (");
        assertThat(report.toString()).isEmpty();
    }

    @Test
    void withoutTheMetricsPluginTheToolSaysSo() {
        RuleFileTool orphan = new RuleFileTool(Optional::empty, Optional::empty);
        assertThatThrownBy(() -> orphan.check(List.of(dir.resolve("rules.yml")), out))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the metrics plugin is not running");
        assertThatThrownBy(() -> orphan.test(List.of(dir.resolve("tests.yml")), List.of(), out))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the metrics plugin is not running");
    }

    @Test
    void sandboxesAreDeletedAfterTheTests() throws IOException {
        tool.test(List.of(dir.resolve("tests.yml")), List.of(), out);
        try (var left = Files.list(dir.resolve("sandboxes"))) {
            assertThat(left).isEmpty();
        }
    }
}
