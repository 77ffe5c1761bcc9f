package dev.vigil.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.alerting.notify.config.NotifyConfigException;
import dev.vigil.alerting.notify.route.Route;
import dev.vigil.alerting.notify.route.RouteOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    private static List<String> problems(String yaml) {
        try {
            PipelineConfig.fromYaml(yaml);
        } catch (NotifyConfigException e) {
            return e.problems();
        }
        throw new AssertionError("no problem found in\n" + yaml);
    }

    @Test
    void appliesAlertmanagersDefaultsAndInheritance() {
        PipelineConfig config = PipelineConfig.fromYaml("""
                route:
                  receiver: team
                  group_by: [alertname, cluster]
                  routes:
                    - matchers: ['severity="critical"']
                      receiver: pager
                      group_wait: 10s
                      routes:
                        - matchers: [db=~"pg.*"]
                          group_by: ['...']
                          repeat_interval: 1h
                receivers:
                  - name: team
                    webhook_configs: [{url: 'http://example.test/'}]
                  - name: pager
                """);
        RouteOptions root = config.route().options();
        assertThat(root.receiver()).isEqualTo("team");
        assertThat(root.groupBy()).containsExactly("alertname", "cluster");
        assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(root.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(root.repeatInterval()).isEqualTo(Duration.ofHours(4));
        Route critical = config.route().routes().get(0);
        assertThat(critical.options().receiver()).isEqualTo("pager");
        assertThat(critical.options().groupBy()).containsExactly("alertname", "cluster");
        assertThat(critical.options().groupWait()).isEqualTo(Duration.ofSeconds(10));
        Route db = critical.routes().get(0);
        assertThat(db.options().receiver()).as("inherited").isEqualTo("pager");
        assertThat(db.options().groupByAll()).isTrue();
        assertThat(db.options().groupWait()).as("inherited from the parent").isEqualTo(Duration.ofSeconds(10));
        assertThat(db.options().repeatInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(db.key()).isEqualTo("{}/{severity=\"critical\"}/{db=~\"pg.*\"}");
        assertThat(config.resolveTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.receivers()).containsExactlyInAnyOrder("team", "pager");
    }

    @Test
    void readsTheDeprecatedMatchersAndTimeIntervalNames() {
        PipelineConfig config = PipelineConfig.fromYaml("""
                route:
                  receiver: team
                  routes:
                    - match: {team: db}
                      match_re: {severity: 'critical|page'}
                      mute_time_intervals: [nights]
                inhibit_rules:
                  - source_match: {severity: critical}
                    target_match_re: {severity: 'warning|info'}
                    equal: [instance]
                mute_time_intervals:
                  - name: nights
                    time_intervals: [{times: [{start_time: '00:00', end_time: '06:00'}]}]
                receivers: [{name: team}]
                """);
        assertThat(config.route().routes().get(0).matchers()).hasToString("{severity=~\"critical|page\",team=\"db\"}");
        assertThat(config.inhibitRules().get(0).source()).hasToString("{severity=\"critical\"}");
        assertThat(config.inhibitRules().get(0).target()).hasToString("{severity=~\"warning|info\"}");
    }

    @Test
    void reportsEveryProblemByPath() {
        assertThat(problems("""
                global:
                  resolve_timeout: 5 minutes
                route:
                  receiver: nobody
                  matchers: [a="b"]
                  continue: true
                  group_by: [alertname, alertname]
                  group_interval: 0s
                  routes:
                    - matchers: ['severity=~"("', 'ok="yes"']
                      repeat_interval: 1x
                      mute_time_intervals: [weekends]
                      escalation: unknown
                    - group_by: ['...', job]
                      max_alerts: -1
                      active_time_intervals: [broken]
                inhibit_rules:
                  - source_matchers: ['a=']
                    target_matchers: ['b']
                time_intervals:
                  - name: broken
                    time_intervals: [{weekdays: [someday]}]
                  - time_intervals: []
                escalation_policies:
                  - name: standard
                    tiers:
                      - {after: 10m, receiver: lead}
                      - {after: 5m, receiver: team}
                receivers:
                  - name: team
                  - name: team
                """)).containsExactly(
                "receivers[1].name: receiver \"team\" is defined twice",
                "time_intervals[0].time_intervals[0].weekdays[0]: \"someday\" is not a valid weekday",
                "time_intervals[1].name: missing name",
                "escalation_policies[0].tiers[0].receiver: undefined receiver \"lead\"",
                "escalation_policies[0].tiers[1].after: must be longer than the previous tier's 10m",
                "route.matchers: the root route must not have any matchers",
                "route.continue: the root route cannot have continue set",
                "route.receiver: undefined receiver \"nobody\"",
                "route.group_by[1]: duplicated label \"alertname\"",
                "route.group_interval: cannot be zero",
                "route.routes[0].repeat_interval: not a valid duration string: \"1x\"",
                "route.routes[0].escalation: undefined escalation policy \"unknown\"",
                "route.routes[0].matchers[0]: bad matcher \"severity=~\\\"(\\\"\": invalid regular expression for label "
                        + "severity: Unclosed group in \"(\"",
                "route.routes[0].mute_time_intervals[0]: undefined time interval \"weekends\"",
                "route.routes[1].group_by: cannot have wildcard group_by (`...`) and other labels",
                "route.routes[1].max_alerts: must not be negative",
                "route.routes[1].active_time_intervals[0]: undefined time interval \"broken\"",
                "inhibit_rules[0].target_matchers[0]: bad matcher \"b\": expected one of = != =~ !~ after b",
                "global.resolve_timeout: not a valid duration string: \"5 minutes\"");
    }

    @Test
    void theRootRouteIsSpecial() {
        assertThat(problems("""
                route:
                  matchers: [a="b"]
                  continue: true
                  mute_time_intervals: [x]
                receivers: [{name: team}]
                time_intervals: [{name: x, time_intervals: []}]
                """)).containsExactly(
                "route.receiver: the root route must have a receiver",
                "route.matchers: the root route must not have any matchers",
                "route.continue: the root route cannot have continue set",
                "route.mute_time_intervals: the root route must not have any mute time intervals");
        assertThat(problems("receivers: [{name: team}]")).containsExactly("route: missing the root route");
    }

    @Test
    void bindingProblemsNameTheLineOrPath() {
        assertThat(problems("route:\n  receiver: team\n  groupwait: 30s\nreceivers: [{name: team}]"))
                .singleElement().asString().startsWith("route.groupwait: Unrecognized field \"groupwait\"");
        assertThat(problems("route:\n\treceiver: team")).singleElement().asString().startsWith("line ");
        assertThat(problems("route:\n  routes:\n    - continue: maybe")).singleElement().asString()
                .startsWith("route.routes[0].continue: ");
    }

    @Test
    void theMessageNumbersTheProblems() {
        assertThatThrownBy(() -> PipelineConfig.fromYaml("route: {receiver: a, group_wait: x, group_interval: y}"))
                .hasMessage("""
                        invalid notification configuration, 3 problems:
                          1) route.receiver: undefined receiver "a"
                          2) route.group_wait: not a valid duration string: "x"
                          3) route.group_interval: not a valid duration string: "y\"""");
    }
}
