package dev.vigil.alerting.notify.route;

import dev.vigil.alerting.notify.config.ConfigProblems;
import dev.vigil.alerting.notify.config.Durations;
import dev.vigil.alerting.notify.config.RouteConfig;
import dev.vigil.alerting.notify.escalation.EscalationPolicy;
import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.alerting.notify.time.Schedule;
import dev.vigil.api.metrics.LabelMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns a {@link RouteConfig} tree into {@link Route}s, applying inheritance and checking every node. */
public final class RouteCompiler {

    private static final String ALL_LABELS = "...";

    private RouteCompiler() {}

    /**
     * Compiles the tree under {@code root}, whose path is {@code route}.
     *
     * @return the root route, or null when a problem was reported
     */
    public static @Nullable Route compile(RouteConfig root, RouteContext context, ConfigProblems problems) {
        int before = problems.list().size();
        String path = "route";
        if (root.receiver() == null || root.receiver().isEmpty()) {
            problems.add(path + ".receiver", "the root route must have a receiver");
        }
        if (!root.matchers().isEmpty() || !root.match().isEmpty() || !root.matchRe().isEmpty()) {
            problems.add(path + ".matchers", "the root route must not have any matchers");
        }
        if (root.continueMatching()) {
            problems.add(path + ".continue", "the root route cannot have continue set");
        }
        if (!root.muteTimeIntervals().isEmpty()) {
            problems.add(path + ".mute_time_intervals", "the root route must not have any mute time intervals");
        }
        if (!root.activeTimeIntervals().isEmpty()) {
            problems.add(path + ".active_time_intervals", "the root route must not have any active time intervals");
        }
        Route route = node(root, null, 0, RouteOptions.DEFAULTS, path, context, problems);
        return problems.list().size() > before ? null : route;
    }

    private static Route node(RouteConfig config, @Nullable Route parent, int position, RouteOptions inherited,
            String path, RouteContext context, ConfigProblems problems) {
        RouteOptions options = options(config, inherited, path, context, problems);
        Route route = new Route(parent, position, matchers(config, path, problems), config.continueMatching(),
                options, schedules(config.muteTimeIntervals(), path + ".mute_time_intervals", context, problems),
                schedules(config.activeTimeIntervals(), path + ".active_time_intervals", context, problems));
        for (int i = 0; i < config.routes().size(); i++) {
            route.addChild(node(config.routes().get(i), route, i, options, path + ".routes[" + i + "]", context,
                    problems));
        }
        return route;
    }

    private static RouteOptions options(RouteConfig config, RouteOptions inherited, String path, RouteContext context,
            ConfigProblems problems) {
        String receiver = inherited.receiver();
        if (config.receiver() != null && !config.receiver().isEmpty()) {
            receiver = config.receiver();
            if (!context.receivers().contains(receiver)) {
                problems.add(path + ".receiver", "undefined receiver \"" + receiver + "\"");
            }
        }
        List<String> groupBy = inherited.groupBy();
        boolean groupByAll = inherited.groupByAll();
        if (config.groupBy() != null) {
            groupBy = List.of();
            groupByAll = false;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < config.groupBy().size(); i++) {
                String name = config.groupBy().get(i);
                if (name.equals(ALL_LABELS)) {
                    if (config.groupBy().size() > 1) {
                        problems.add(path + ".group_by", "cannot have wildcard group_by (`...`) and other labels");
                    }
                    groupByAll = true;
                } else if (name.isEmpty()) {
                    problems.add(path + ".group_by[" + i + "]", "empty label name");
                } else if (!seen.add(name)) {
                    problems.add(path + ".group_by[" + i + "]", "duplicated label \"" + name + "\"");
                }
            }
            if (!groupByAll) {
                groupBy = List.copyOf(seen);
            }
        }
        Duration groupWait = duration(config.groupWait(), inherited.groupWait(), path + ".group_wait", false, problems);
        Duration groupInterval = duration(config.groupInterval(), inherited.groupInterval(), path + ".group_interval",
                true, problems);
        Duration repeatInterval = duration(config.repeatInterval(), inherited.repeatInterval(),
                path + ".repeat_interval", true, problems);
        int maxAlerts = inherited.maxAlerts();
        if (config.maxAlerts() != null) {
            if (config.maxAlerts() < 0) {
                problems.add(path + ".max_alerts", "must not be negative");
            } else {
                maxAlerts = config.maxAlerts();
            }
        }
        Optional<EscalationPolicy> escalation = inherited.escalation();
        if (config.escalation() != null) {
            escalation = Optional.empty();
            if (!config.escalation().isEmpty()) {
                EscalationPolicy policy = context.escalationPolicies().get(config.escalation());
                if (policy == null) {
                    problems.add(path + ".escalation", "undefined escalation policy \"" + config.escalation() + "\"");
                }
                escalation = Optional.ofNullable(policy);
            }
        }
        return new RouteOptions(receiver, groupBy, groupByAll, groupWait, groupInterval, repeatInterval, maxAlerts,
                escalation);
    }

    private static Duration duration(@Nullable String text, Duration inherited, String path, boolean positive,
            ConfigProblems problems) {
        if (text == null) {
            return inherited;
        }
        try {
            Duration d = Durations.parse(text);
            if (positive && d.isZero()) {
                problems.add(path, "cannot be zero");
                return inherited;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return inherited;
        }
    }

    /** The matchers of a route from its {@code matchers}, {@code match} and {@code match_re}. */
    static Matchers matchers(RouteConfig config, String path, ConfigProblems problems) {
        return parseMatchers(config.matchers(), config.match(), config.matchRe(), path, "matchers", "match_re",
                problems);
    }

    /**
     * Matchers from lines in Alertmanager's syntax and the deprecated maps of equality and regular-expression
     * matchers, each problem reported under its path.
     */
    public static Matchers parseMatchers(List<String> lines, Map<String, String> equal, Map<String, String> regex,
            String path, String linesKey, String regexKey, ConfigProblems problems) {
        List<LabelMatcher> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                all.addAll(Matchers.parse(lines.get(i)).list());
            } catch (IllegalArgumentException e) {
                problems.add(path + "." + linesKey + "[" + i + "]", e.getMessage());
            }
        }
        equal.forEach((name, value) -> all.add(LabelMatcher.equal(name, value)));
        regex.forEach((name, value) -> {
            try {
                all.add(LabelMatcher.regex(name, value));
            } catch (IllegalArgumentException e) {
                problems.add(path + "." + regexKey + "." + name, e.getMessage());
            }
        });
        return Matchers.of(all);
    }

    private static List<Schedule> schedules(List<String> names, String path, RouteContext context,
            ConfigProblems problems) {
        List<Schedule> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Schedule schedule = context.timeIntervals().get(names.get(i));
            if (schedule == null) {
                problems.add(path + "[" + i + "]", "undefined time interval \"" + names.get(i) + "\"");
            } else {
                out.add(schedule);
            }
        }
        return out;
    }
}
