package dev.vigil.alerting.rules.unittest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.rules.unittest.TestGroupResult.Outcome;
import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleUnitTesterTest {

    private final List<TestingMetricStore> stores = new ArrayList<>();
    private final RuleUnitTester tester = new RuleUnitTester(interval -> {
        TestingMetricStore store = new TestingMetricStore();
        stores.add(store);
        return RuleTestBackend.of(store, new PromqlEngine(store, EngineSettings.defaults()));
    });

    @TempDir
    Path dir;

    private static final String RULES = """
            groups:
              - name: alerts
                rules:
                  - alert: InstanceDown
                    expr: up == 0
                    for: 5m
                    labels:
                      severity: page
                    annotations:
                      summary: an instance is down
              - name: records
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)
            """;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void passesATestThatHolds() throws IOException {
        write("rules.yml", RULES);
        Path test = write("test.yml", """
                rule_files:
                  - rules.yml
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'up{job="api", instance="a"}'
                        values: '0x10'
                      - series: 'up{job="api", instance="b"}'
                        values: '1x10'
                    alert_rule_test:
                      - eval_time: 4m
                        alertname: InstanceDown
                        exp_alerts: []
                      - eval_time: 5m
                        alertname: InstanceDown
                        exp_alerts:
                          - exp_labels:
                              severity: page
                              job: api
                              instance: a
                            exp_annotations:
                              summary: an instance is down
                    promql_expr_test:
                      - expr: job:up:sum
                        eval_time: 2m
                        exp_samples:
                          - labels: 'job:up:sum{job="api"}'
                            value: 1
                      - expr: count(ALERTS) by (alertstate)
                        eval_time: 4m
                        exp_samples:
                          - labels: '{alertstate="pending"}'
                            value: 1
                """);

        UnitTestResult result = tester.run(test);

        assertThat(result.render()).isEqualTo("Unit Testing:  " + test + "\n  SUCCESS\n");
        assertThat(result.passed()).isTrue();
        assertThat(stores).as("one fresh store per test group").hasSize(1);
    }

    @Test
    void showsAPromtoolStyleDiffWhenAlertsDiffer() throws IOException {
        write("rules.yml", RULES);
        Path test = write("test.yml", """
                rule_files: [rules.yml]
                tests:
                  - name: Down
                    input_series:
                      - series: 'up{job="api", instance="a"}'
                        values: '0x10'
                    alert_rule_test:
                      - eval_time: 5m
                        alertname: InstanceDown
                        exp_alerts: []
                      - eval_time: 6m
                        alertname: Missing
                        exp_alerts:
                          - exp_labels: {x: y}
                """);

        UnitTestResult result = tester.run(test);

        assertThat(result.passed()).isFalse();
        assertThat(result.groups()).singleElement().satisfies(g -> {
            assertThat(g.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(g.errors()).containsExactly(String.join("\n",
                    "    name: Down,",
                    "    alertname: InstanceDown, time: 5m, ",
                    "        exp:[], ",
                    "        got:[",
                    "            0:",
                    "              Labels:{alertname=\"InstanceDown\", instance=\"a\", job=\"api\", severity=\"page\"}",
                    "              Annotations:{summary=\"an instance is down\"}",
                    "            ]"), String.join("\n",
                    "    name: Down,",
                    "    alertname: Missing, time: 6m, ",
                    "        exp:[",
                    "            0:",
                    "              Labels:{alertname=\"Missing\", x=\"y\"}",
                    "              Annotations:{}",
                    "            ], ",
                    "        got:[]"));
        });
        assertThat(result.render()).startsWith("Unit Testing:  " + test + "\n  FAILED:\n    name: Down,\n");
    }

    @Test
    void showsExpectedAndActualSamplesWhenAnExpressionDiffers() throws IOException {
        Path test = write("test.yml", """
                tests:
                  - input_series:
                      - series: test
                        values: '0'
                    promql_expr_test:
                      - expr: test
                        eval_time: 0m
                        exp_samples:
                          - value: 1
                            labels: test
                      - expr: nothing
                        eval_time: 0m
                        exp_samples:
                          - value: 2
                      - expr: test
                        eval_time: 0m
                        exp_samples:
                          - labels: 'test{'
                      - expr: 'sum('
                        eval_time: 0m
                """);

        List<String> errors = tester.run(test).groups().get(0).errors();

        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).isEqualTo("    expr: \"test\", time: 0s,\n        exp: {__name__=\"test\"} 1E+00\n        got: {__name__=\"test\"} 0E+00");
        assertThat(errors.get(1)).isEqualTo("    expr: \"nothing\", time: 0s,\n        exp: {} 2E+00\n        got: nil");
        assertThat(errors.get(2)).startsWith("    expr: \"test\", time: 0s, err: labels \"test{\": 1:6: parse error:");
        assertThat(errors.get(3)).startsWith("    expr: \"sum(\", time: 0s, err: ");
    }

    @Test
    void evaluatesGroupsInTheGivenOrder() throws IOException {
        write("rules.yml", """
                groups:
                  - name: second
                    rules:
                      - record: doubled
                        expr: base * 2
                  - name: first
                    rules:
                      - record: base
                        expr: vector(21)
                """);
        String checks = """
                tests:
                  - promql_expr_test:
                      - expr: doubled
                        eval_time: 0m
                        exp_samples:
                          - labels: doubled
                            value: 42
                """;
        Path ordered = write("ordered.yml", "rule_files: [rules.yml]\ngroup_eval_order: [first, second]\n" + checks);
        Path unordered = write("unordered.yml", "rule_files: [rules.yml]\n" + checks);

        assertThat(tester.run(ordered).passed()).isTrue();
        assertThat(tester.run(unordered).passed()).as("without the order, second runs before first at 0m").isFalse();
        assertThat(tester.run(write("repeated.yml", "group_eval_order: [a, a]\n")).errors())
                .containsExactly("group name repeated in evaluation order: a");
    }

    @Test
    void stopsAtTheFirstEvaluationWhereARuleFails() throws IOException {
        write("rules.yml", "groups:\n  - name: g\n    rules:\n      - record: joined\n        expr: join_1 + on(a) join_2\n");
        Path test = write("test.yml", """
                rule_files: [rules.yml]
                tests:
                  - input_series:
                      - series: 'join_1{a="1",b="2"}'
                        values: 1
                      - series: 'join_2{a="1",b="3"}'
                        values: 2
                      - series: 'join_2{a="1",b="4"}'
                        values: 3
                    promql_expr_test:
                      - expr: joined
                        eval_time: 5m
                """);

        assertThat(tester.run(test).groups().get(0).errors()).singleElement().asString()
                .startsWith("    rule: joined, time: 0s, err: found duplicate series for the match group {a=\"1\"}");
    }

    @Test
    void reportsRuleFileProblemsAndBadInput() throws IOException {
        write("bad.yml", "groups:\n  - name: g\n    rules:\n      - record: x\n        expr: 'test +'\n");
        Path badRules = write("bad-rules.yml", "rule_files: [bad.yml]\ntests:\n  - {}\n");
        Path badInput = write("bad-input.yml", "tests:\n  - input_series:\n      - series: 'up{job=\"x\"'\n        values: 1\n");
        Path missing = write("missing.yml", "rule_files: [nothing-*.yml, gone.yml]\ntests:\n  - {}\n");

        assertThat(tester.run(badRules).groups().get(0).errors()).singleElement().asString()
                .endsWith("bad.yml: 5:15: group \"x\", rule 1, \"x\": could not parse expression: 1:7: parse error: unexpected end of input"
                        .replace("group \"x\"", "group \"g\""));
        assertThat(tester.run(badInput).groups().get(0).errors()).singleElement().asString()
                .startsWith("    input series \"up{job=\\\"x\\\" 1\": 1:11: parse error: unexpected end of input inside braces");
        UnitTestResult result = tester.run(missing);
        assertThat(result.passed()).as("rule files that match nothing are only a warning, as in promtool").isTrue();
        assertThat(result.warnings()).hasSize(2).allMatch(w -> w.startsWith("no file match pattern "));
    }

    @Test
    void refusesUnknownFieldsWithTheirPosition() throws IOException {
        Path test = write("test.yml", "tests:\n  - input_series: []\n    alert_rules_test: []\n");

        UnitTestResult result = tester.run(test);

        assertThat(result.errors()).containsExactly(test + ": 3:5: field alert_rules_test not found in test group");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void startsAtTheStartTimestamp() throws IOException {
        Path test = write("test.yml", """
                tests:
                  - start_timestamp: '2024-05-01T00:00:00Z'
                    input_series:
                      - series: test
                        values: '5 6'
                    promql_expr_test:
                      - expr: timestamp(test)
                        eval_time: 1m
                        exp_samples:
                          - value: 1714521660
                """);

        assertThat(tester.run(test).passed()).isTrue();
    }

    @Test
    void templatesSeeTheLabelsTheValueAndTheExternalLabelsAndUrl() throws IOException {
        write("rules.yml", """
                groups:
                  - name: g
                    rules:
                      - alert: High
                        expr: load > 1
                        labels:
                          severity: '{{ if gt $value 2.0 }}page{{ else }}ticket{{ end }}'
                        annotations:
                          summary: '{{ $labels.host }} has load {{ $value }} in {{ $externalLabels.dc }}'
                          link: '{{ $externalURL }}/hosts/{{ $labels.host }}'
                """);
        Path test = write("test.yml", """
                rule_files: [rules.yml]
                tests:
                  - external_labels:
                      dc: eu1
                    external_url: https://vigil.example.com
                    input_series:
                      - series: 'load{host="a"}'
                        values: '1.5 3'
                    alert_rule_test:
                      - eval_time: 0m
                        alertname: High
                        exp_alerts:
                          - exp_labels: {host: a, severity: ticket}
                            exp_annotations:
                              summary: a has load 1.5 in eu1
                              link: https://vigil.example.com/hosts/a
                      - eval_time: 1m
                        alertname: High
                        exp_alerts:
                          - exp_labels: {host: a, severity: page}
                            exp_annotations:
                              summary: a has load 3 in eu1
                              link: https://vigil.example.com/hosts/a
                """);

        UnitTestResult result = tester.run(test);

        assertThat(result.passed()).as(result.render()).isTrue();
    }
}
