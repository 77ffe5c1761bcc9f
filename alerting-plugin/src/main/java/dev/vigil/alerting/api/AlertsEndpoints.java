package dev.vigil.alerting.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.notify.AlertQuery;
import dev.vigil.alerting.notify.AlertState;
import dev.vigil.alerting.notify.AlertView;
import dev.vigil.alerting.notify.GroupView;
import dev.vigil.alerting.notify.NotificationPipeline;
import dev.vigil.alerting.notify.ack.Ack;
import dev.vigil.alerting.notify.match.Matchers;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpStatusException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;

/**
 * Alerts as the notification pipeline knows them, their groups, and acknowledgement:
 * <ul>
 *   <li>{@code GET /api/v1/alerting/alerts} and {@code GET /api/v1/alerting/groups}, filtered by {@code filter}
 *       (Alertmanager matchers, repeatable), {@code state} (alerts in any of {@code active}, {@code suppressed},
 *       {@code silenced}, {@code inhibited}, {@code acknowledged}; repeatable or comma-separated; all by default) and
 *       {@code receiver} (a regular expression one of the alert's receivers matches);</li>
 *   <li>{@code POST /api/v1/alerting/alerts/{fingerprint}/ack} and {@code .../unack};</li>
 *   <li>{@code POST /api/v1/alerting/groups/ack} and {@code .../unack}, with the {@code groupKey} in the body.</li>
 * </ul>
 */
final class AlertsEndpoints {

    private static final Set<String> STATES = Set.of("active", "suppressed", "silenced", "inhibited", "acknowledged");

    private final NotificationPipeline pipeline;

    AlertsEndpoints(NotificationPipeline pipeline) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
    }

    void list(HttpExchange exchange) {
        Predicate<AlertView> selected = states(exchange);
        ArrayNode alerts = Json.array();
        pipeline.alerts(query(exchange)).stream().filter(selected).forEach(view -> alerts.add(alert(view)));
        Json.success(exchange, alerts);
    }

    void groups(HttpExchange exchange) {
        Predicate<AlertView> selected = states(exchange);
        ArrayNode groups = Json.array();
        for (GroupView group : pipeline.groups(query(exchange))) {
            List<AlertView> members = group.alerts().stream().filter(selected).toList();
            if (members.isEmpty()) {
                continue;
            }
            ObjectNode node = groups.addObject();
            node.put("groupKey", group.groupKey());
            node.set("labels", Json.strings(new TreeMap<>(group.labels())));
            node.putObject("receiver").put("name", group.receiver());
            ArrayNode escalated = node.putArray("escalatedTo");
            group.escalatedTo().forEach(escalated::add);
            node.put("nextFlush", group.nextFlush().toString());
            Json.putInstant(node, "unacknowledgedSince", group.unacknowledgedSince());
            ArrayNode alerts = node.putArray("alerts");
            members.forEach(view -> alerts.add(alert(view)));
        }
        Json.success(exchange, groups);
    }

    void acknowledge(HttpExchange exchange) {
        ObjectNode body = Json.body(exchange);
        String fingerprint = exchange.pathParam("fingerprint");
        Optional<Ack> ack = guarded(() -> pipeline.acknowledge(fingerprint, by(body), comment(body), Json.instant(body, "expiresAt")));
        Json.success(exchange, ack(ack.orElseThrow(() -> noAlert(fingerprint))));
    }

    void unacknowledge(HttpExchange exchange) {
        String fingerprint = exchange.pathParam("fingerprint");
        Optional<Ack> removed = guarded(() -> pipeline.unacknowledge(fingerprint));
        Json.success(exchange, ack(removed.orElseThrow(() -> HttpStatusException.notFound("alert " + fingerprint + " is not acknowledged"))));
    }

    void acknowledgeGroup(HttpExchange exchange) {
        ObjectNode body = Json.body(exchange);
        String groupKey = groupKey(body);
        List<Ack> made = guarded(() -> pipeline.acknowledgeGroup(groupKey, by(body), comment(body), Json.instant(body, "expiresAt")));
        if (made.isEmpty()) {
            throw HttpStatusException.notFound("no group " + groupKey + " with a firing alert");
        }
        ArrayNode acks = Json.array();
        made.forEach(a -> acks.add(ack(a)));
        Json.success(exchange, acks);
    }

    void unacknowledgeGroup(HttpExchange exchange) {
        String groupKey = groupKey(Json.body(exchange));
        ArrayNode acks = Json.array();
        guarded(() -> pipeline.unacknowledgeGroup(groupKey)).forEach(a -> acks.add(ack(a)));
        Json.success(exchange, acks);
    }

    /**
     * Which alerts {@code state} selects: those in any of the states named, all when none is. {@code active} is an
     * alert that is neither suppressed nor acknowledged; {@code suppressed} one that is silenced or inhibited.
     */
    static Predicate<AlertView> states(HttpExchange exchange) {
        List<String> states = Params.list(exchange, "state").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String state : states) {
            if (!STATES.contains(state)) {
                throw HttpStatusException.badRequest("invalid parameter \"state\": '" + state
                        + "' is none of active, suppressed, silenced, inhibited, acknowledged");
            }
        }
        if (states.isEmpty()) {
            return view -> true;
        }
        return view -> states.contains("active") && view.state() == AlertState.ACTIVE && view.acknowledgement().isEmpty()
                || states.contains("suppressed") && view.state() == AlertState.SUPPRESSED
                || states.contains("silenced") && !view.silencedBy().isEmpty()
                || states.contains("inhibited") && !view.inhibitedBy().isEmpty()
                || states.contains("acknowledged") && view.acknowledgement().isPresent();
    }

    /** The query of {@code filter} and {@code receiver}. */
    static AlertQuery query(HttpExchange exchange) {
        AlertQuery query = AlertQuery.all();
        Matchers filter = Matchers.EMPTY;
        for (String text : exchange.queryParams("filter")) {
            if (text.isBlank()) {
                continue;
            }
            try {
                filter = filter.and(Matchers.parse(text));
            } catch (IllegalArgumentException e) {
                throw HttpStatusException.badRequest("invalid parameter \"filter\": " + e.getMessage());
            }
        }
        query = query.withFilter(filter);
        Optional<String> receiver = exchange.queryParam("receiver").filter(r -> !r.isEmpty());
        if (receiver.isPresent()) {
            try {
                query = query.withReceiver(receiver.get());
            } catch (PatternSyntaxException e) {
                throw HttpStatusException.badRequest("invalid parameter \"receiver\": " + e.getDescription());
            }
        }
        return query;
    }

    /** One alert, in the shape of Alertmanager's API with the acknowledgement added. */
    static ObjectNode alert(AlertView view) {
        Alert alert = view.alert();
        ObjectNode node = Json.object();
        node.put("fingerprint", alert.fingerprint());
        node.set("labels", Json.strings(alert.labels()));
        node.set("annotations", Json.strings(alert.annotations()));
        node.put("startsAt", alert.startsAt().toString());
        Json.putInstant(node, "endsAt", alert.endsAt());
        node.put("updatedAt", view.updatedAt().toString());
        node.put("generatorURL", alert.generatorUrl());
        ObjectNode status = node.putObject("status");
        status.put("state", view.state().wireName());
        ArrayNode silencedBy = status.putArray("silencedBy");
        view.silencedBy().forEach(silencedBy::add);
        ArrayNode inhibitedBy = status.putArray("inhibitedBy");
        view.inhibitedBy().forEach(inhibitedBy::add);
        if (view.acknowledgement().isPresent()) {
            node.set("acknowledgement", ack(view.acknowledgement().get()));
        } else {
            node.putNull("acknowledgement");
        }
        ArrayNode receivers = node.putArray("receivers");
        view.receivers().forEach(name -> receivers.addObject().put("name", name));
        return node;
    }

    private static ObjectNode ack(Ack ack) {
        ObjectNode node = Json.object();
        node.put("fingerprint", ack.fingerprint());
        node.put("by", ack.by());
        node.put("comment", ack.comment());
        node.put("createdAt", ack.createdAt().toString());
        Json.putInstant(node, "expiresAt", ack.expiresAt());
        node.put("alertStartsAt", ack.alertStartsAt().toString());
        return node;
    }

    private static String by(ObjectNode body) {
        return Json.text(body, "by").orElseThrow(() -> HttpStatusException.badRequest("\"by\" is required: who acknowledges"));
    }

    private static String comment(ObjectNode body) {
        return Json.text(body, "comment").orElse("");
    }

    private static String groupKey(ObjectNode body) {
        return Json.text(body, "groupKey").filter(k -> !k.isEmpty())
                .orElseThrow(() -> HttpStatusException.badRequest("\"groupKey\" is required"));
    }

    private static HttpStatusException noAlert(String fingerprint) {
        return HttpStatusException.notFound("no alert with fingerprint " + fingerprint);
    }

    /** Runs a pipeline command, answering what it refuses with 400 and its reason. */
    private static <T> T guarded(Supplier<T> command) {
        try {
            return command.get();
        } catch (IllegalArgumentException e) {
            throw HttpStatusException.badRequest(e.getMessage());
        }
    }
}
