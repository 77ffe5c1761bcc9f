package dev.vigil.alerting.notify;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.config.Durations;
import dev.vigil.alerting.notify.config.EscalationPolicyConfig;
import dev.vigil.alerting.notify.config.NotifyConfig;
import dev.vigil.alerting.notify.config.NotifyConfigException;
import dev.vigil.alerting.notify.config.ReceiverConfig;
import dev.vigil.alerting.notify.config.TimeIntervalConfig;
import dev.vigil.alerting.notify.escalation.EscalationPolicy;
import dev.vigil.alerting.notify.inhibit.InhibitRule;
import dev.vigil.alerting.notify.route.Route;
import dev.vigil.alerting.notify.route.RouteCompiler;
import dev.vigil.alerting.notify.route.RouteContext;
import dev.vigil.alerting.notify.time.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked, compiled {@link NotifyConfig}: the routing tree, inhibition rules, time intervals and escalation
 * policies the pipeline runs with. Immutable and thread-safe.
 */
public final class PipelineConfig {

    private static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);

    private final Route route;
    private final List<InhibitRule> inhibitRules;
    private final Set<String> receivers;
    private final Duration resolveTimeout;

    private PipelineConfig(Route route, List<InhibitRule> inhibitRules, Set<String> receivers,
            Duration resolveTimeout) {
        this.route = route;
        this.inhibitRules = List.copyOf(inhibitRules);
        this.receivers = Set.copyOf(receivers);
        this.resolveTimeout = resolveTimeout;
    }

    /**
     * Checks and compiles {@code config}.
     *
     * @throws NotifyConfigException naming every problem by its path, such as
     *     {@code route.routes[2].matchers[0]: bad matcher ...}
     */
    public static PipelineConfig compile(NotifyConfig config) {
        requireNonNull(config, "config is null");
        ConfigProblems problems = new ConfigProblems();
        Set<String> receivers = receivers(config.receivers(), problems);
        Map<String, Schedule> intervals = new LinkedHashMap<>();
        timeIntervals(config.timeIntervals(), "time_intervals", intervals, problems);
        timeIntervals(config.muteTimeIntervals(), "mute_time_intervals", intervals, problems);
        Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
        for (int i = 0; i < config.escalationPolicies().size(); i++) {
            EscalationPolicyConfig policy = config.escalationPolicies().get(i);
            String path = "escalation_policies[" + i + "]";
            EscalationPolicy compiled = EscalationPolicy.compile(policy, path, receivers, problems);
            if (compiled != null && policies.putIfAbsent(compiled.name(), compiled) != null) {
                problems.add(path + ".name", "escalation policy \"" + compiled.name() + "\" is defined twice");
            }
        }
        Route route = null;
        if (config.route() == null) {
            problems.add("route", "missing the root route");
        } else {
            route = RouteCompiler.compile(config.route(), new RouteContext(receivers, intervals, policies), problems);
        }
        List<InhibitRule> rules = new ArrayList<>();
        for (int i = 0; i < config.inhibitRules().size(); i++) {
            InhibitRule rule = InhibitRule.compile(config.inhibitRules().get(i), "inhibit_rules[" + i + "]", problems);
            if (rule != null) {
                rules.add(rule);
            }
        }
        Duration resolveTimeout = DEFAULT_RESOLVE_TIMEOUT;
        if (config.global().resolveTimeout() != null) {
            try {
                resolveTimeout = Durations.parse(config.global().resolveTimeout());
                if (resolveTimeout.isZero()) {
                    problems.add("global.resolve_timeout", "cannot be zero");
                }
            } catch (IllegalArgumentException e) {
                problems.add("global.resolve_timeout", e.getMessage());
            }
        }
        problems.throwIfAny("notification configuration");
        return new PipelineConfig(requireNonNull(route, "route"), rules, receivers, resolveTimeout);
    }

    /**
     * Binds and compiles a YAML document.
     *
     * @throws NotifyConfigException naming every problem found
     */
    public static PipelineConfig fromYaml(String yaml) {
        return compile(NotifyConfig.fromYaml(yaml));
    }

    private static Set<String> receivers(List<ReceiverConfig> configs, ConfigProblems problems) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < configs.size(); i++) {
            String name = configs.get(i).name();
            if (name == null || name.isEmpty()) {
                problems.add("receivers[" + i + "].name", "missing name");
            } else if (!names.add(name)) {
                problems.add("receivers[" + i + "].name", "receiver \"" + name + "\" is defined twice");
            }
        }
        return names;
    }

    private static void timeIntervals(List<TimeIntervalConfig> configs, String key, Map<String, Schedule> out,
            ConfigProblems problems) {
        for (int i = 0; i < configs.size(); i++) {
            TimeIntervalConfig config = configs.get(i);
            String path = key + "[" + i + "]";
            if (config.name() == null || config.name().isEmpty()) {
                problems.add(path + ".name", "missing name");
                continue;
            }
            Schedule schedule = Schedule.compile(config.name(), config.timeIntervals(), path + ".time_intervals",
                    problems);
            if (out.containsKey(config.name())) {
                problems.add(path + ".name", "time interval \"" + config.name() + "\" is defined twice");
            } else if (schedule != null) {
                out.put(config.name(), schedule);
            }
        }
    }

    /** The root of the routing tree. */
    public Route route() {
        return route;
    }

    /** The inhibition rules. */
    public List<InhibitRule> inhibitRules() {
        return inhibitRules;
    }

    /** The receivers' names. */
    public Set<String> receivers() {
        return receivers;
    }

    /** How long an alert received without an end keeps firing when it is not received again. */
    public Duration resolveTimeout() {
        return resolveTimeout;
    }
}
