package dev.vigil.alerting.rules.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.metrics.promql.engine.EngineSettings;
import dev.vigil.metrics.promql.engine.PromqlEngine;
import dev.vigil.metrics.testing.TestingMetricStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {

    private final RuleFiles ruleFiles = new RuleFiles(new PromqlEngine(new TestingMetricStore(), EngineSettings.defaults()));

    @TempDir
    Path dir;

    @Test
    void readsGroupsAndRules() {
        RuleFileLoad load = ruleFiles.parse(Path.of("r.yml"), """
                groups:
                  - name: api
                    interval: 30s
                    query_offset: 1m
                    limit: 10
                    labels:
                      team: api
                      tier: front
                    rules:
                      - record: job:requests:rate5m
                        expr: sum by (job) (rate(requests_total[5m]))
                        labels:
                          tier: back
                      - alert: ApiDown
                        expr: up{job="api"} == 0
                        for: 5m
                        keep_firing_for: 10m
                  - name: other
                    rules: []
                """);

        assertThat(load.problems()).isEmpty();
        RuleFile file = load.ruleFile().orElseThrow();
        assertThat(file.ruleCount()).isEqualTo(2);
        GroupDefinition api = file.groups().get(0);
        assertThat(api.name()).isEqualTo("api");
        assertThat(api.interval()).contains(Duration.ofSeconds(30));
        assertThat(api.queryOffset()).contains(Duration.ofMinutes(1));
        assertThat(api.limit()).isEqualTo(10);
        assertThat(api.rules().get(0)).isEqualTo(new RecordingRuleDefinition("job:requests:rate5m",
                "sum by (job) (rate(requests_total[5m]))", Map.of("team", "api", "tier", "back"), new Location(10, 9)));
        AlertingRuleDefinition alert = (AlertingRuleDefinition) api.rules().get(1);
        assertThat(alert.holdDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(alert.keepFiringFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(alert.labels()).as("group labels are merged in").isEqualTo(Map.of("team", "api", "tier", "front"));
        assertThat(file.groups().get(1).interval()).isEmpty();
    }

    @Test
    void anEmptyFileHasNoGroups() {
        RuleFileLoad load = ruleFiles.parse(Path.of("empty.yml"), "");
        assertThat(load.ok()).isTrue();
        assertThat(load.ruleFile().orElseThrow().groups()).isEmpty();
    }

    @Test
    void namesFileLineAndReasonOfABadExpression() {
        RuleFileLoad load = ruleFiles.parse(Path.of("bad-rules-syntax.yml"), """
                # This is the rules file for bad-rules-syntax-test.yml.

                groups:
                  - name: bad-syntax
                    rules:
                      - record: x
                        expr: 'test +'
                """);

        assertThat(load.ok()).isFalse();
        assertThat(load.problems()).singleElement().hasToString("bad-rules-syntax.yml: 7:15: group \"bad-syntax\", rule 1, \"x\": "
                + "could not parse expression: 1:7: parse error: unexpected end of input");
    }

    @Test
    void reportsEverySemanticProblem() {
        RuleFileLoad load = ruleFiles.parse(Path.of("bad.yml"), """
                groups:
                  - name: a
                    rules:
                      - record: x
                        alert: Y
                        expr: up
                      - expr: up
                      - record: 'x{job="a"}'
                        expr: up
                        for: 5m
                        labels:
                          __name__: other
                      - alert: NoExpr
                  - name: a
                    rules: []
                  - name: ''
                """);

        assertThat(load.problems()).extracting(Object::toString).containsExactly(
                "bad.yml: 4:17: group \"a\", rule 1, \"Y\": only one of 'record' and 'alert' must be set",
                "bad.yml: 7:9: group \"a\", rule 2, \"\": one of 'record' or 'alert' must be set",
                "bad.yml: 8:17: group \"a\", rule 3, \"x{job=\\\"a\\\"}\": invalid field 'for' in recording rule",
                "bad.yml: 8:17: group \"a\", rule 3, \"x{job=\\\"a\\\"}\": braces present in the recording rule name; should it be in expr?: x{job=\"a\"}",
                "bad.yml: 12:11: group \"a\", rule 3, \"x{job=\\\"a\\\"}\": invalid label name: __name__",
                "bad.yml: 13:9: group \"a\", rule 4, \"NoExpr\": field 'expr' must be set in rule",
                "bad.yml: 14:5: groupname: \"a\" is repeated in the same file",
                "bad.yml: 16:5: Groupname must not be empty");
    }

    @Test
    void theLegacySchemeRefusesNamesPrometheus2Refused() {
        RuleFiles legacy = new RuleFiles(ExpressionValidator.using(new PromqlEngine(new TestingMetricStore(), EngineSettings.defaults())),
                NameValidation.LEGACY);
        String text = """
                groups:
                  - name: a
                    rules:
                      - record: job.rate
                        expr: up
                        labels:
                          my-label: x
                """;
        assertThat(legacy.parse(Path.of("l.yml"), text).problems()).extracting(RuleFileProblem::message).containsExactly(
                "group \"a\", rule 1, \"job.rate\": invalid recording rule name: job.rate",
                "group \"a\", rule 1, \"job.rate\": invalid label name: my-label");
        assertThat(ruleFiles.parse(Path.of("u.yml"), text).ok()).as("UTF-8 names are fine by default").isTrue();
    }

    @Test
    void reportsStructuralProblemsFirst() {
        RuleFileLoad load = ruleFiles.parse(Path.of("s.yml"), """
                groups:
                  - name: a
                    interval: 5x
                    limit: many
                    rules:
                      - record: x
                        expr: [up]
                        description: y
                """);

        assertThat(load.problems()).extracting(Object::toString).containsExactly(
                "s.yml: 8:9: field description not found in rule",
                "s.yml: 7:15: field expr: cannot unmarshal !!seq into string",
                "s.yml: 3:15: field interval: not a valid duration string: \"5x\"",
                "s.yml: 4:12: field limit: cannot unmarshal !!str `many` into int");
    }

    @Test
    void aYamlErrorIsOneProblem() {
        RuleFileLoad load = ruleFiles.parse(Path.of("y.yml"), "groups:\n  - name: [a\n");
        assertThat(load.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("yaml: ");
            assertThat(p.location().line()).isEqualTo(2);
        });
    }

    @Test
    void warnsOfDuplicateRules() {
        RuleFileLoad load = ruleFiles.parse(Path.of("d.yml"), """
                groups:
                  - name: base
                    rules:
                      - record: job:x
                        expr: sum(x)
                      - record: job:x
                        expr: sum(x)
                  - name: other
                    rules:
                      - record: job:x
                        expr: sum(x)
                      - record: job:x
                        expr: sum(x)
                        labels:
                          a: b
                """);
        assertThat(load.ok()).isTrue();
        assertThat(load.warnings()).containsExactly(
                "duplicate rule job:x{} defined 3 times; might cause inconsistency while recording expressions");
    }

    @Test
    void checkListsEveryProblemOfEveryFile() throws IOException {
        Path good = Files.writeString(dir.resolve("good.yml"), "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: '1'\n");
        Path bad = Files.writeString(dir.resolve("bad.yml"), "groups:\n  - name: g\n    rules:\n      - record: a\n        expr: 'sum('\n");
        Path missing = dir.resolve("missing.yml");

        CheckReport report = ruleFiles.check(List.of(good, bad, missing));

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).extracting(RuleFileProblem::file).containsExactly(bad, missing);
        assertThat(report.problems().get(1).message()).isEqualTo("no such file");
        assertThat(report.render()).contains("Checking " + good + "\n  SUCCESS: 1 rules found\n")
                .contains("Checking " + bad + "\n  FAILED:\n" + bad + ": 5:15: group \"g\", rule 1, \"a\": could not parse expression: ");
        assertThat(report.files().get(0).ruleFile().map(RuleFile::path)).isEqualTo(Optional.of(good));
    }
}
