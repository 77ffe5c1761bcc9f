package dev.vigil.alerting.rules;

import static dev.vigil.alerting.rules.RuleTestSupport.at;
import static dev.vigil.alerting.rules.RuleTestSupport.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.metrics.Labels;
import org.junit.jupiter.api.Test;

class RecordingRuleTest {

    private final RuleTestSupport support = new RuleTestSupport();
    private final RuleEnvironment env = support.environment().build();

    @Test
    void recordsTheResultUnderTheRuleNameWithTheRuleLabels() {
        support.write("http_requests", at("0s"), 3, "job", "api", "instance", "a");
        support.write("http_requests", at("0s"), 4, "job", "api", "instance", "b");
        RuleGroup group = support.group("""
                groups:
                  - name: g
                    labels:
                      team: web
                    rules:
                      - record: job:http_requests:sum
                        expr: sum by (job) (http_requests)
                        labels:
                          source: rule
                """, env);

        group.evaluate(at("1m"));

        Labels recorded = series("job:http_requests:sum", "job", "api", "source", "rule", "team", "web");
        assertThat(support.samples(recorded)).containsExactly(at("1m") + "=7.0");
        assertThat(group.rules().get(0).health()).isEqualTo(RuleHealth.OK);
        assertThat(group.status().lastEvaluationTimestamp()).contains(at("1m"));
    }

    @Test
    void aScalarResultIsOneSeriesWithTheRuleName() {
        RuleGroup group = support.group("groups:\n  - name: g\n    rules:\n      - record: fixed\n        expr: '1 + 1'\n", env);

        group.evaluate(at("0s"));

        assertThat(support.samples(series("fixed"))).containsExactly(at("0s") + "=2.0");
    }

    @Test
    void theQueryOffsetMovesQueriesAndResultsIntoThePast() {
        support.write("x", at("0s"), 1);
        support.write("x", at("1m"), 2);
        RuleGroup group = support.group("""
                groups:
                  - name: g
                    query_offset: 1m
                    rules:
                      - record: x:copy
                        expr: x
                """, env);

        group.evaluate(at("2m"));

        assertThat(support.samples(series("x:copy"))).containsExactly(at("1m") + "=2.0");
    }

    @Test
    void writesAStalenessMarkerForASeriesNoLongerProduced() {
        support.write("up", at("0s"), 1, "job", "a");
        support.write("up", at("0s"), 1, "job", "b");
        RuleGroup group = support.group("""
                groups:
                  - name: g
                    rules:
                      - record: job:up
                        expr: up > 0
                """, env);

        group.evaluate(at("0s"));
        support.write("up", at("2m"), 1, "job", "a");
        support.write("up", at("2m"), 0, "job", "b");
        group.evaluate(at("2m"));

        assertThat(support.samples(series("job:up", "job", "a"))).containsExactly(at("0s") + "=1.0", at("2m") + "=1.0");
        assertThat(support.samples(series("job:up", "job", "b"))).containsExactly(at("0s") + "=1.0", at("2m") + "=stale");
    }

    @Test
    void twoResultsWithTheSameLabelsFailTheRule() {
        support.write("x", at("0s"), 1, "a", "1");
        support.write("y", at("0s"), 2, "a", "1");
        RuleGroup group = support.group("""
                groups:
                  - name: g
                    rules:
                      - record: xy
                        expr: '{__name__=~"x|y"}'
                      - record: ok
                        expr: '1'
                """, env);

        group.evaluate(at("0s"));

        assertThat(group.rules().get(0).health()).isEqualTo(RuleHealth.ERR);
        assertThat(group.rules().get(0).lastError())
                .contains("vector contains metrics with the same labelset after applying rule labels");
        assertThat(support.store.seriesNamed("xy")).isEmpty();
        assertThat(group.rules().get(1).health()).as("the next rule still runs").isEqualTo(RuleHealth.OK);
        assertThat(support.samples(series("ok"))).hasSize(1);
    }

    @Test
    void moreSeriesThanTheLimitFailTheRule() {
        support.write("x", at("0s"), 1, "a", "1");
        support.write("x", at("0s"), 1, "a", "2");
        RuleGroup group = support.group("groups:\n  - name: g\n    limit: 1\n    rules:\n      - record: x2\n        expr: x * 2\n", env);

        group.evaluate(at("0s"));

        assertThat(group.rules().get(0).lastError()).contains("exceeded limit of 1 with 2 series");
        assertThat(support.store.seriesNamed("x2")).isEmpty();
    }

    @Test
    void aQueryErrorIsTheRuleError() {
        support.write("join_1", at("0s"), 1, "a", "1", "b", "2");
        support.write("join_2", at("0s"), 2, "a", "1", "b", "3");
        support.write("join_2", at("0s"), 3, "a", "1", "b", "4");
        RuleGroup group = support.group("groups:\n  - name: g\n    rules:\n      - record: joined\n        expr: join_1 + on(a) join_2\n", env);

        group.evaluate(at("0s"));

        assertThat(group.rules().get(0).health()).isEqualTo(RuleHealth.ERR);
        assertThat(group.rules().get(0).lastError().orElseThrow()).contains("many-to-many matching not allowed");
        assertThat(group.status().health()).isEqualTo(RuleHealth.ERR);
    }

    @Test
    void aRuleSeesWhatAnEarlierRuleOfItsGroupRecordedAtTheSameTime() {
        RuleGroup group = support.group("""
                groups:
                  - name: g
                    rules:
                      - record: base
                        expr: vector(21)
                      - record: derived
                        expr: base * 2
                """, env);

        group.evaluate(at("0s"));

        assertThat(support.samples(series("derived"))).containsExactly(at("0s") + "=42.0");
    }

    @Test
    void aRuleThatDependsOnNothingEarlierSharesOneCommit() {
        RuleGroup group = support.group("""
                groups:
                  - name: g
                    rules:
                      - record: a
                        expr: vector(1)
                      - record: b
                        expr: vector(2)
                      - record: c
                        expr: vector(3)
                """, env);
        int before = support.store.commits();

        group.evaluate(at("0s"));

        assertThat(support.store.commits() - before).isEqualTo(1);
    }
}
