package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.alerting.notify.PipelineConfig;
import dev.vigil.alerting.notify.config.EscalationPolicyConfig;
import dev.vigil.alerting.notify.config.GlobalConfig;
import dev.vigil.alerting.notify.config.InhibitRuleConfig;
import dev.vigil.alerting.notify.config.NotifyConfig;
import dev.vigil.alerting.notify.config.NotifyConfigException;
import dev.vigil.alerting.notify.config.ReceiverConfig;
import dev.vigil.alerting.notify.config.RouteConfig;
import dev.vigil.alerting.notify.config.TimeIntervalConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code alerting} section of the configuration file. Every key is optional; see {@link #defaults()}. The
 * routing keys ({@code route}, {@code inhibitRules}, {@code timeIntervals}) take Alertmanager's own syntax, so an
 * existing {@code alertmanager.yml} can be pasted in; receivers list their channels by type.
 *
 * <p>The whole section is checked when it is bound: a route naming an unknown receiver, a bad matcher or a
 * duplicate receiver refuses the file, each problem named by its path.
 *
 * @param ruleFiles Prometheus rule files, as paths or glob patterns ({@code rules/*.yml}); relative ones are
 *     relative to the configuration file's folder
 * @param evaluationInterval how often a rule group without its own {@code interval} runs
 * @param externalUrl where people reach the platform, for links in notifications and {@code $externalURL}
 * @param externalLabels labels added to every alert, as Prometheus's {@code external_labels}
 * @param resolveTimeout how long an alert that is no longer sent stays firing (Alertmanager's
 *     {@code resolve_timeout})
 * @param route the root of the routing tree; required once receivers are configured
 * @param inhibitRules alerts that mute others while they fire
 * @param timeIntervals named time intervals that routes mute or activate by, and that silences recur in
 * @param escalationPolicies named escalation policies that routes refer to
 * @param receivers where notifications go
 * @param outbox how notifications are delivered and how long their history is kept
 */
public record AlertingConfig(
        List<String> ruleFiles,
        Duration evaluationInterval,
        String externalUrl,
        Map<String, String> externalLabels,
        Duration resolveTimeout,
        Optional<RouteConfig> route,
        List<InhibitRuleConfig> inhibitRules,
        List<TimeIntervalConfig> timeIntervals,
        List<EscalationPolicyConfig> escalationPolicies,
        List<ReceiverSettings> receivers,
        OutboxConfig outbox) {

    /**
     * The receiver that a configuration without {@code route} and {@code receivers} routes every alert to: it has
     * no channels, so alerts are tracked and shown but nobody is notified.
     */
    public static final String NO_RECEIVER = "none";

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final AlertingConfig DEFAULTS = new AlertingConfig(List.of(), Duration.ofMinutes(1), "http://localhost:9400",
            Map.of(), Duration.ofMinutes(5), Optional.empty(), List.of(), List.of(), List.of(), List.of(), OutboxConfig.defaults());

    /**
     * Checks every part and the routing as a whole.
     *
     * @throws IllegalArgumentException naming each problem by its path in the section
     */
    public AlertingConfig {
        ruleFiles = List.copyOf(requireNonNull(ruleFiles, "ruleFiles is null"));
        requireNonNull(evaluationInterval, "evaluationInterval is null");
        requireNonNull(externalUrl, "externalUrl is null");
        externalLabels = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(externalLabels, "externalLabels is null")));
        requireNonNull(resolveTimeout, "resolveTimeout is null");
        requireNonNull(route, "route is null");
        inhibitRules = List.copyOf(requireNonNull(inhibitRules, "inhibitRules is null"));
        timeIntervals = List.copyOf(requireNonNull(timeIntervals, "timeIntervals is null"));
        escalationPolicies = List.copyOf(requireNonNull(escalationPolicies, "escalationPolicies is null"));
        receivers = List.copyOf(requireNonNull(receivers, "receivers is null"));
        requireNonNull(outbox, "outbox is null");
        List<String> problems = new ArrayList<>();
        if (evaluationInterval.isNegative() || evaluationInterval.isZero()) {
            problems.add("evaluationInterval: must be positive, got " + ConfigDurations.format(evaluationInterval));
        }
        if (resolveTimeout.isNegative() || resolveTimeout.isZero()) {
            problems.add("resolveTimeout: must be positive, got " + ConfigDurations.format(resolveTimeout));
        }
        if (!externalUrl.isEmpty() && !externalUrl.matches("https?://[^\\s/]+.*")) {
            problems.add("externalUrl: must be an http or https URL, got '" + externalUrl + "'");
        }
        externalLabels.keySet().stream().filter(name -> !LABEL_NAME.matcher(name).matches())
                .forEach(name -> problems.add("externalLabels: '" + name + "' is not a valid label name"));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < receivers.size(); i++) {
            String name = receivers.get(i).name();
            if (!names.add(name)) {
                problems.add("receivers[" + i + "].name: receiver '" + name + "' is defined twice");
            } else if (route.isEmpty() && name.equals(NO_RECEIVER)) {
                problems.add("receivers[" + i + "].name: '" + NO_RECEIVER + "' is reserved for a configuration without route");
            }
        }
        if (route.isEmpty() && !receivers.isEmpty()) {
            problems.add("route: required when receivers are configured (route.receiver names the receiver of every alert "
                    + "no child route takes)");
        }
        if (problems.isEmpty()) {
            try {
                PipelineConfig.compile(notifyConfig(route, receivers, inhibitRules, timeIntervals, escalationPolicies, resolveTimeout));
            } catch (NotifyConfigException e) {
                e.problems().forEach(problem -> problems.add(renamed(problem)));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems: " + String.join("; ", problems));
        }
    }

    /**
     * No rule files, rule groups every minute, the external URL {@code http://localhost:9400}, no external labels,
     * alerts resolved 5m after they are last sent, no receivers (so alerts are tracked but nobody is notified), and
     * the outbox's defaults.
     */
    public static AlertingConfig defaults() {
        return DEFAULTS;
    }

    /** The receivers the pipeline and the outbox know: those configured, or {@link #NO_RECEIVER} when there is no route. */
    public List<ReceiverSettings> effectiveReceivers() {
        return route.isPresent() ? receivers : List.of(new ReceiverSettings(NO_RECEIVER, List.of()));
    }

    /** The routing, inhibition, time intervals and escalation policies, checked and compiled for the pipeline. */
    public PipelineConfig pipelineConfig() {
        return PipelineConfig.compile(notifyConfig(route, receivers, inhibitRules, timeIntervals, escalationPolicies, resolveTimeout));
    }

    private static NotifyConfig notifyConfig(Optional<RouteConfig> route, List<ReceiverSettings> receivers,
            List<InhibitRuleConfig> inhibitRules, List<TimeIntervalConfig> timeIntervals, List<EscalationPolicyConfig> escalationPolicies,
            Duration resolveTimeout) {
        List<ReceiverConfig> names = route.isPresent()
                ? receivers.stream().map(r -> new ReceiverConfig(r.name())).toList()
                : List.of(new ReceiverConfig(NO_RECEIVER));
        return new NotifyConfig(new GlobalConfig(ConfigDurations.format(resolveTimeout)), route.orElse(RouteConfig.to(NO_RECEIVER)), names,
                inhibitRules, timeIntervals, List.of(), escalationPolicies);
    }

    /** A problem the pipeline's compiler found, with the path in this section's spelling. */
    private static String renamed(String problem) {
        String[][] keys = {{"inhibit_rules", "inhibitRules"}, {"time_intervals", "timeIntervals"},
            {"escalation_policies", "escalationPolicies"}, {"global.resolve_timeout", "resolveTimeout"}};
        for (String[] key : keys) {
            if (problem.startsWith(key[0] + "[") || problem.startsWith(key[0] + ":") || problem.startsWith(key[0] + ".")) {
                return key[1] + problem.substring(key[0].length());
            }
        }
        return problem;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static AlertingConfig fromConfig(
            @JsonProperty("ruleFiles") @Nullable List<String> ruleFiles,
            @JsonProperty("evaluationInterval") @Nullable Duration evaluationInterval,
            @JsonProperty("externalUrl") @Nullable String externalUrl,
            @JsonProperty("externalLabels") @Nullable Map<String, String> externalLabels,
            @JsonProperty("resolveTimeout") @Nullable Duration resolveTimeout,
            @JsonProperty("route") @Nullable RouteConfig route,
            @JsonProperty("inhibitRules") @Nullable List<InhibitRuleConfig> inhibitRules,
            @JsonProperty("timeIntervals") @Nullable List<TimeIntervalConfig> timeIntervals,
            @JsonProperty("escalationPolicies") @Nullable List<EscalationPolicyConfig> escalationPolicies,
            @JsonProperty("receivers") @Nullable List<ReceiverSettings> receivers,
            @JsonProperty("outbox") @Nullable OutboxConfig outbox) {
        return new AlertingConfig(
                requireNonNullElse(ruleFiles, DEFAULTS.ruleFiles),
                requireNonNullElse(evaluationInterval, DEFAULTS.evaluationInterval),
                requireNonNullElse(externalUrl, DEFAULTS.externalUrl),
                requireNonNullElse(externalLabels, DEFAULTS.externalLabels),
                requireNonNullElse(resolveTimeout, DEFAULTS.resolveTimeout),
                Optional.ofNullable(route),
                requireNonNullElse(inhibitRules, DEFAULTS.inhibitRules),
                requireNonNullElse(timeIntervals, DEFAULTS.timeIntervals),
                requireNonNullElse(escalationPolicies, DEFAULTS.escalationPolicies),
                requireNonNullElse(receivers, DEFAULTS.receivers),
                requireNonNullElse(outbox, DEFAULTS.outbox));
    }
}
