package dev.vigil.alerting.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.rules.ActiveAlert;
import dev.vigil.alerting.rules.GroupStatus;
import dev.vigil.alerting.rules.ReloadResult;
import dev.vigil.alerting.rules.RuleFileStatus;
import dev.vigil.alerting.rules.RuleKind;
import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.alerting.rules.RuleStatus;
import dev.vigil.alerting.rules.file.RuleFileProblem;
import dev.vigil.api.http.HttpExchange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rules and their state:
 * <ul>
 *   <li>{@code GET /api/v1/rules} and {@code GET /api/v1/alerts} in the shapes of Prometheus's API, so that Grafana
 *       and other Prometheus clients read them; {@code /api/v1/rules} takes Prometheus's {@code type} ({@code alert}
 *       or {@code record}), {@code rule_name[]}, {@code rule_group[]}, {@code file[]} and {@code exclude_alerts};</li>
 *   <li>{@code GET /api/v1/alerting/rule-files}: each rule file, when it was loaded and why its current content was
 *       refused (line, column, reason);</li>
 *   <li>{@code POST /api/v1/alerting/rules/reload}: checks the rule files now rather than at the next periodic check.</li>
 * </ul>
 */
final class RulesEndpoints {

    /** What Prometheus shows for a time that never was, such as the last evaluation of a group that has not run. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private final RuleManager rules;

    RulesEndpoints(RuleManager rules) {
        this.rules = requireNonNull(rules, "rules is null");
    }

    void rules(HttpExchange exchange) {
        Optional<String> type = exchange.queryParam("type").filter(t -> !t.isEmpty());
        if (type.isPresent() && !type.get().equals("alert") && !type.get().equals("record")) {
            PromErrors.badData(exchange, "invalid query parameter type='" + type.get() + "', must be one of alert or record");
            return;
        }
        Set<String> names = new HashSet<>(exchange.queryParams("rule_name[]"));
        Set<String> groupNames = new HashSet<>(exchange.queryParams("rule_group[]"));
        Set<String> files = new HashSet<>(exchange.queryParams("file[]"));
        boolean excludeAlerts = exchange.queryParam("exclude_alerts").map(Boolean::parseBoolean).orElse(false);
        boolean filtered = type.isPresent() || !names.isEmpty() || !groupNames.isEmpty() || !files.isEmpty();
        ArrayNode groups = Json.array();
        for (GroupStatus group : rules.groups()) {
            String file = group.file().toString();
            if (!groupNames.isEmpty() && !groupNames.contains(group.name()) || !files.isEmpty() && !files.contains(file)) {
                continue;
            }
            ArrayNode ruleNodes = Json.array();
            for (RuleStatus rule : group.rules()) {
                boolean alerting = rule.kind() == RuleKind.ALERTING;
                if (type.isPresent() && alerting != type.get().equals("alert") || !names.isEmpty() && !names.contains(rule.name())) {
                    continue;
                }
                ruleNodes.add(rule(rule, excludeAlerts));
            }
            if (filtered && ruleNodes.isEmpty()) {
                continue;
            }
            ObjectNode node = groups.addObject();
            node.put("name", group.name());
            node.put("file", file);
            node.set("rules", ruleNodes);
            node.put("interval", seconds(group.interval()));
            node.put("limit", group.limit());
            node.put("evaluationTime", seconds(group.evaluationDuration()));
            node.put("lastEvaluation", time(group.lastEvaluation()));
        }
        ObjectNode data = Json.object();
        data.set("groups", groups);
        Json.success(exchange, data);
    }

    void alerts(HttpExchange exchange) {
        ArrayNode alerts = Json.array();
        rules.activeAlerts().forEach(alert -> alerts.add(alert(alert)));
        ObjectNode data = Json.object();
        data.set("alerts", alerts);
        Json.success(exchange, data);
    }

    void files(HttpExchange exchange) {
        ArrayNode files = Json.array();
        for (RuleFileStatus status : rules.files()) {
            ObjectNode node = files.addObject();
            node.put("path", status.path().toString());
            Json.putInstant(node, "loadedAt", status.loadedAt());
            node.put("groups", status.groups());
            node.set("problems", problems(status.problems()));
            ArrayNode warnings = node.putArray("warnings");
            status.warnings().forEach(warnings::add);
        }
        Json.success(exchange, files);
    }

    void reload(HttpExchange exchange) {
        ReloadResult result = rules.reload();
        ArrayNode files = Json.array();
        for (ReloadResult.FileChange change : result.files()) {
            ObjectNode node = files.addObject();
            node.put("path", change.path().toString());
            node.put("change", change.change().name().toLowerCase(Locale.ROOT));
            node.set("problems", problems(change.problems()));
        }
        Json.success(exchange, files);
    }

    private static ObjectNode rule(RuleStatus rule, boolean excludeAlerts) {
        ObjectNode node = Json.object();
        boolean alerting = rule.kind() == RuleKind.ALERTING;
        if (alerting) {
            node.put("state", rule.state().apiName());
        }
        node.put("name", rule.name());
        node.put("query", rule.query());
        if (alerting) {
            node.put("duration", seconds(rule.holdDuration()));
            node.put("keepFiringFor", seconds(rule.keepFiringFor()));
        }
        node.set("labels", Json.strings(rule.labels()));
        if (alerting) {
            node.set("annotations", Json.strings(rule.annotations()));
            if (!excludeAlerts) {
                ArrayNode alerts = node.putArray("alerts");
                rule.alerts().forEach(alert -> alerts.add(alert(alert)));
            }
        }
        node.put("health", rule.health().apiName());
        rule.lastError().ifPresent(error -> node.put("lastError", error));
        node.put("evaluationTime", seconds(rule.evaluationDuration()));
        node.put("lastEvaluation", time(rule.lastEvaluation()));
        node.put("type", rule.kind().apiName());
        return node;
    }

    private static ObjectNode alert(ActiveAlert alert) {
        ObjectNode node = Json.object();
        node.set("labels", Json.strings(alert.labels().asMap()));
        node.set("annotations", Json.strings(alert.annotations()));
        node.put("state", alert.state().apiName());
        node.put("activeAt", alert.activeAt().toString());
        alert.keepFiringSince().ifPresent(since -> node.put("keepFiringSince", since.toString()));
        node.put("value", PromFloats.exponent(alert.value()));
        return node;
    }

    private static ArrayNode problems(List<RuleFileProblem> problems) {
        ArrayNode out = Json.array();
        for (RuleFileProblem problem : problems) {
            ObjectNode node = out.addObject();
            node.put("line", problem.location().line());
            node.put("column", problem.location().column());
            node.put("message", problem.message());
        }
        return out;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String time(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(ZERO_TIME);
    }
}
