package dev.vigil.alerting.channel.opsgenie;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.ChannelHttp;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Redactor;
import dev.vigil.alerting.channel.ResolvedFilter;
import dev.vigil.api.alerting.AcknowledgingChannel;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import java.net.URI;

/**
 * Keeps one Opsgenie alert per group through the Alert API v2: while any alert fires it posts a create request with
 * the group's alias (Opsgenie folds repeats into the open alert), and when all have resolved it closes the alert by
 * alias ({@code POST /v2/alerts/{alias}/close?identifierType=alias}). {@link #acknowledge} acknowledges it the same
 * way. Opsgenie answers 202 and processes requests later, so "delivered" means accepted. Immutable and thread-safe.
 */
public final class OpsgenieChannel implements AcknowledgingChannel {

    private final OpsgenieConfig config;
    private final String apiBase;
    private final OpsgenieRequests requests;
    private final ChannelContext context;
    private final ChannelHttp http;

    OpsgenieChannel(String name, OpsgenieConfig config, URI apiUrl, OpsgenieRequests requests, ChannelContext context) {
        this.config = config;
        this.apiBase = apiUrl.toString();
        this.requests = requests;
        this.context = context;
        this.http = new ChannelHttp(name, context, config.timeout(), Redactor.of(config.apiKey()));
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return ResolvedFilter.deliver(notification, config.sendResolved(), this::deliverFiltered);
    }

    private DeliveryResult deliverFiltered(Notification sending) {
        if (sending.status() == AlertStatus.RESOLVED) {
            return post(byAlias(sending, "close"), requests.action("All alerts of the group resolved"));
        }
        return post(URI.create(apiBase + "/v2/alerts"),
                requests.create(sending, NotificationText.externalUrl(sending, context)));
    }

    /** Acknowledges the group's Opsgenie alert, by alias. */
    @Override
    public DeliveryResult acknowledge(Notification notification) {
        return post(byAlias(notification, "acknowledge"), requests.action("Acknowledged in Vigil"));
    }

    private URI byAlias(Notification notification, String action) {
        // the alias is a hex hash: nothing in it needs escaping in a path
        return URI.create(apiBase + "/v2/alerts/" + OpsgenieRequests.alias(notification) + "/" + action
                + "?identifierType=alias");
    }

    private DeliveryResult post(URI uri, ObjectNode body) {
        return http.send(http.postJson(uri, Json.bytes(body))
                .header("Authorization", "GenieKey " + config.apiKey().reveal())
                .build());
    }

    @Override
    public String toString() {
        return "opsgenie channel " + config;
    }
}
