package dev.vigil.alerting.rules;

import static dev.vigil.alerting.rules.RuleTestSupport.at;
import static dev.vigil.alerting.rules.RuleTestSupport.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.metrics.Labels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertingRuleTest {

    private final RuleTestSupport support = new RuleTestSupport();

    private static final String API_DOWN = """
            groups:
              - name: g
                rules:
                  - alert: ApiDown
                    expr: up{job="api"} == 0
                    for: 2m
                    labels:
                      severity: page
                    annotations:
                      summary: the API is down
            """;

    private final Labels alertLabels = Labels.of("alertname", "ApiDown", "job", "api", "severity", "page");

    /** Writes up{job="api"} for each minute from 0: the values given, one a minute. */
    private void upValues(double... values) {
        for (int minute = 0; minute < values.length; minute++) {
            support.write("up", T(minute), values[minute], "job", "api");
        }
    }

    private static Instant T(int minute) {
        return at(minute + "m");
    }

    private static Alert onlyAlert(List<List<Alert>> batches) {
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(1);
        return batches.get(0).get(0);
    }

    private AlertingRule rule(RuleGroup group) {
        return (AlertingRule) group.rules().get(0);
    }

    @Test
    void goesFromPendingToFiringAfterItsForDurationAndResolves() {
        upValues(0, 0, 0, 0, 0, 1);
        RuleGroup group = support.group(API_DOWN, support.environment().build());
        AlertingRule rule = rule(group);

        group.evaluate(T(0));
        assertThat(rule.activeAlerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.PENDING);
            assertThat(a.labels().asMap()).isEqualTo(alertLabels.asMap());
            assertThat(a.annotations()).isEqualTo(Map.of("summary", "the API is down"));
            assertThat(a.activeAt()).isEqualTo(T(0));
        });
        assertThat(support.receiver.take()).as("pending alerts are not sent").isEmpty();

        group.evaluate(T(1));
        assertThat(rule.state()).isEqualTo(AlertState.PENDING);

        group.evaluate(T(2));
        assertThat(rule.state()).isEqualTo(AlertState.FIRING);
        assertThat(rule.activeAlerts().get(0).firedAt()).contains(T(2));
        assertThat(onlyAlert(support.receiver.take())).satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(alert.labels()).isEqualTo(alertLabels.asMap());
            assertThat(alert.startsAt()).isEqualTo(T(2));
            assertThat(alert.endsAt()).isEmpty();
            assertThat(alert.annotations()).containsEntry("summary", "the API is down");
            assertThat(alert.generatorUrl()).isEqualTo("/graph?g0.expr=up%7Bjob%3D%22api%22%7D+%3D%3D+0&g0.tab=1");
            assertThat(alert.fingerprint()).hasSize(16);
        });

        group.evaluate(T(3));
        assertThat(support.receiver.take()).as("not again within the resend delay").isEmpty();
        group.evaluate(T(4));
        assertThat(support.receiver.take()).as("again once the resend delay passed").hasSize(1);

        group.evaluate(T(5));
        assertThat(rule.activeAlerts()).isEmpty();
        assertThat(rule.allAlerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.INACTIVE);
            assertThat(a.resolvedAt()).contains(T(5));
        });
        assertThat(onlyAlert(support.receiver.take())).satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(alert.endsAt()).contains(T(5));
        });
    }

    @Test
    void writesAlertsAndAlertsForStateAndMarksThemStaleWhenResolved() {
        upValues(0, 0, 0, 1);
        RuleGroup group = support.group(API_DOWN, support.environment().build());
        for (int minute = 0; minute <= 3; minute++) {
            group.evaluate(T(minute));
        }

        Labels pending = series("ALERTS", "alertname", "ApiDown", "alertstate", "pending", "job", "api", "severity", "page");
        Labels firing = series("ALERTS", "alertname", "ApiDown", "alertstate", "firing", "job", "api", "severity", "page");
        Labels forState = series("ALERTS_FOR_STATE", "alertname", "ApiDown", "job", "api", "severity", "page");
        assertThat(support.samples(pending)).containsExactly(T(0) + "=1.0", T(1) + "=1.0", T(2) + "=stale");
        assertThat(support.samples(firing)).containsExactly(T(2) + "=1.0", T(3) + "=stale");
        double activeAt = T(0).getEpochSecond();
        assertThat(support.samples(forState)).containsExactly(T(0) + "=" + activeAt, T(1) + "=" + activeAt,
                T(2) + "=" + activeAt, T(3) + "=stale");
    }

    @Test
    void withoutForAnAlertFiresAtOnce() {
        RuleGroup group = support.group("groups:\n  - name: g\n    rules:\n      - alert: Always\n        expr: vector(1)\n",
                support.environment().build());

        group.evaluate(T(0));

        assertThat(rule(group).activeAlerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.labels().asMap()).isEqualTo(Map.of("alertname", "Always"));
        });
        assertThat(support.receiver.take()).hasSize(1);
    }

    @Test
    void aPendingAlertThatLeavesTheResultIsDroppedWithoutBeingSent() {
        upValues(0, 1);
        RuleGroup group = support.group(API_DOWN, support.environment().build());

        group.evaluate(T(0));
        group.evaluate(T(1));

        assertThat(rule(group).allAlerts()).isEmpty();
        assertThat(support.receiver.batches()).isEmpty();
    }

    @Test
    void aResolvedAlertIsResentForFifteenMinutesThenForgotten() {
        upValues(0, 1);
        RuleGroup group = support.group("groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n",
                support.environment().build());
        group.evaluate(T(0));
        group.evaluate(T(1));
        assertThat(support.receiver.take()).hasSize(2);

        group.evaluate(T(2));
        assertThat(support.receiver.take()).as("sent at 1m; the resend delay has not passed").isEmpty();
        group.evaluate(T(3));
        assertThat(onlyAlert(support.receiver.take()).endsAt()).contains(T(1));
        group.evaluate(T(16));
        assertThat(rule(group).allAlerts()).hasSize(1);
        group.evaluate(at("16m1s"));
        assertThat(rule(group).allAlerts()).isEmpty();
    }

    @Test
    void keepFiringForKeepsAResolvedAlertFiring() {
        upValues(0, 1, 1, 1, 1, 1);
        RuleGroup group = support.group("""
                groups:
                  - name: g
                    rules:
                      - alert: Down
                        expr: up == 0
                        keep_firing_for: 3m
                """, support.environment().build());
        AlertingRule rule = rule(group);

        group.evaluate(T(0));
        assertThat(rule.state()).isEqualTo(AlertState.FIRING);
        group.evaluate(T(1));
        assertThat(rule.activeAlerts()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.keepFiringSince()).contains(T(1));
        });
        group.evaluate(T(2));
        group.evaluate(T(3));
        assertThat(rule.state()).isEqualTo(AlertState.FIRING);
        group.evaluate(T(4));
        assertThat(rule.state()).isEqualTo(AlertState.INACTIVE);
        assertThat(rule.allAlerts().get(0).resolvedAt()).contains(T(4));
    }

    @Test
    void moreAlertsThanTheLimitFailTheRuleAndDropItsAlerts() {
        support.write("up", T(0), 0, "job", "a");
        support.write("up", T(0), 0, "job", "b");
        RuleGroup group = support.group("groups:\n  - name: g\n    limit: 1\n    rules:\n      - alert: Down\n        expr: up == 0\n",
                support.environment().build());

        group.evaluate(T(0));

        assertThat(rule(group).lastError()).contains("exceeded limit of 1 with 2 alerts");
        assertThat(rule(group).allAlerts()).isEmpty();
        assertThat(support.store.seriesNamed("ALERTS")).isEmpty();
    }

    @Test
    void twoResultsThatBecomeTheSameAlertFailTheRule() {
        support.write("x", T(0), 1, "a", "1");
        support.write("y", T(0), 1, "a", "1");
        RuleGroup group = support.group("groups:\n  - name: g\n    rules:\n      - alert: Dup\n        expr: '{__name__=~\"x|y\"}'\n",
                support.environment().build());

        group.evaluate(T(0));

        assertThat(rule(group).lastError())
                .contains("vector contains metrics with the same labelset after applying alert labels");
    }

    @Test
    void sentAlertsCarryTheExternalLabelsAndUrl() {
        RuleGroup group = support.group("groups:\n  - name: g\n    rules:\n      - alert: Always\n        expr: vector(1)\n",
                support.environment().externalLabels(Map.of("cluster", "eu1", "alertname", "ignored"))
                        .externalUrl("https://vigil.example.com/").build());

        group.evaluate(T(0));

        Alert alert = support.receiver.take().get(0).get(0);
        assertThat(alert.labels()).isEqualTo(Map.of("alertname", "Always", "cluster", "eu1"));
        assertThat(alert.generatorUrl()).startsWith("https://vigil.example.com/graph?g0.expr=vector%281%29");
        assertThat(support.store.seriesNamed("ALERTS")).singleElement()
                .satisfies(l -> assertThat(l.has("cluster")).as("the series do not get external labels").isFalse());
    }

    @Test
    void restoresForStateAfterARestart() {
        // Before the restart: the alert became active at 0 and ALERTS_FOR_STATE was written until 10m.
        Labels forState = series("ALERTS_FOR_STATE", "alertname", "Slow", "job", "api");
        for (int minute = 0; minute <= 10; minute++) {
            support.write("ALERTS_FOR_STATE", T(minute), T(0).getEpochSecond(), "alertname", "Slow", "job", "api");
        }
        for (int minute = 0; minute <= 45; minute++) {
            support.write("slow", T(minute), 1, "job", "api");
        }
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: Slow\n        expr: slow > 0\n        for: 30m\n";
        RuleGroup group = new RuleGroup(java.nio.file.Path.of("rules.yml"), support.groups(rules).get(0),
                support.environment().build(), true);

        group.evaluate(T(20));
        group.evaluate(T(21));
        assertThat(support.samples(forState)).as("nothing written before the state is restored").hasSize(11);
        group.restoreForState(T(21));

        // it had been pending 10 minutes when the platform went down at 10m: 20 minutes are left from 21m
        assertThat(rule(group).activeAlerts().get(0).activeAt()).isEqualTo(T(11));
        group.evaluate(T(40));
        assertThat(rule(group).state()).isEqualTo(AlertState.PENDING);
        group.evaluate(T(41));
        assertThat(rule(group).state()).isEqualTo(AlertState.FIRING);
        assertThat(support.store.samples(forState).get(11).value()).isEqualTo(T(11).getEpochSecond());
    }

    @Test
    void aRestoredAlertAboutToFireWaitsTheGracePeriod() {
        for (int minute = 0; minute <= 25; minute++) {
            support.write("ALERTS_FOR_STATE", T(minute), T(0).getEpochSecond(), "alertname", "Slow", "job", "api");
        }
        support.write("slow", T(30), 1, "job", "api");
        support.write("slow", T(31), 1, "job", "api");
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: Slow\n        expr: slow > 0\n        for: 30m\n";
        RuleGroup group = new RuleGroup(java.nio.file.Path.of("rules.yml"), support.groups(rules).get(0),
                support.environment().build(), true);

        group.evaluate(T(30));
        group.evaluate(T(31));
        group.restoreForState(T(31));

        // 5 minutes were left, less than the 10 minute grace period: it fires 10 minutes after the restore
        assertThat(rule(group).activeAlerts().get(0).activeAt()).isEqualTo(T(31).plus(Duration.ofMinutes(10)).minus(Duration.ofMinutes(30)));
        assertThat(rule(group).restored()).isTrue();
    }

    @Test
    void aRuleWithAForShorterThanTheGracePeriodIsNotRestored() {
        support.write("ALERTS_FOR_STATE", T(0), T(0).getEpochSecond(), "alertname", "Down", "job", "api");
        support.write("up", T(5), 0, "job", "api");
        String rules = "groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up == 0\n        for: 5m\n";
        RuleGroup group = new RuleGroup(java.nio.file.Path.of("rules.yml"), support.groups(rules).get(0),
                support.environment().build(), true);

        group.evaluate(T(5));
        group.restoreForState(T(5));

        assertThat(rule(group).activeAlerts().get(0).activeAt()).isEqualTo(T(5));
        assertThat(Optional.of(rule(group).restored())).contains(true);
    }
}
