package dev.vigil.alerting.api;

import static java.util.Objects.requireNonNull;

import dev.vigil.alerting.ReceiverChannels;
import dev.vigil.alerting.notify.NotificationPipeline;
import dev.vigil.alerting.outbox.Outbox;
import dev.vigil.alerting.rules.RuleManager;
import dev.vigil.api.http.HttpMethod;
import dev.vigil.api.http.HttpRoutes;
import dev.vigil.api.http.RouteAccess;

/**
 * The alerting plugin's HTTP API; see the package documentation. Reads are public, as the platform's other reads
 * are; every call that changes state (acknowledging, silencing, reloading rules) needs the admin token. The routes
 * go when the plugin stops, with everything else it registered. Thread-safe.
 */
public final class AlertingApi {

    private final AlertsEndpoints alerts;
    private final SilencesEndpoints silences;
    private final RulesEndpoints rules;
    private final DeliveryEndpoints delivery;

    /**
     * @param pipeline the alerts, groups, silences and acknowledgements
     * @param rules the rule groups and files
     * @param outbox the queues and the notification history
     * @param channels the receivers' channels
     */
    public AlertingApi(NotificationPipeline pipeline, RuleManager rules, Outbox outbox, ReceiverChannels channels) {
        requireNonNull(pipeline, "pipeline is null");
        this.alerts = new AlertsEndpoints(pipeline);
        this.silences = new SilencesEndpoints(pipeline);
        this.rules = new RulesEndpoints(requireNonNull(rules, "rules is null"));
        this.delivery = new DeliveryEndpoints(requireNonNull(outbox, "outbox is null"), requireNonNull(channels, "channels is null"));
    }

    /** Adds the routes. */
    public void register(HttpRoutes routes) {
        routes.get("/api/v1/rules", rules::rules);
        routes.get("/api/v1/alerts", rules::alerts);
        routes.get("/api/v1/alerting/rule-files", rules::files);
        routes.add(HttpMethod.POST, "/api/v1/alerting/rules/reload", RouteAccess.ADMIN, rules::reload);

        routes.get("/api/v1/alerting/alerts", alerts::list);
        routes.get("/api/v1/alerting/groups", alerts::groups);
        routes.add(HttpMethod.POST, "/api/v1/alerting/alerts/{fingerprint}/ack", RouteAccess.ADMIN, alerts::acknowledge);
        routes.add(HttpMethod.POST, "/api/v1/alerting/alerts/{fingerprint}/unack", RouteAccess.ADMIN, alerts::unacknowledge);
        routes.add(HttpMethod.POST, "/api/v1/alerting/groups/ack", RouteAccess.ADMIN, alerts::acknowledgeGroup);
        routes.add(HttpMethod.POST, "/api/v1/alerting/groups/unack", RouteAccess.ADMIN, alerts::unacknowledgeGroup);

        routes.get("/api/v1/alerting/silences", silences::list);
        routes.get("/api/v1/alerting/silences/{id}", silences::get);
        routes.add(HttpMethod.POST, "/api/v1/alerting/silences", RouteAccess.ADMIN, silences::create);
        routes.add(HttpMethod.DELETE, "/api/v1/alerting/silences/{id}", RouteAccess.ADMIN, silences::expire);

        routes.get("/api/v1/alerting/history", delivery::history);
        routes.get("/api/v1/alerting/outbox", delivery::outbox);
        routes.get("/api/v1/alerting/receivers", delivery::receivers);
    }
}
