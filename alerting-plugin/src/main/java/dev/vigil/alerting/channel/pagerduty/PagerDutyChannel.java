package dev.vigil.alerting.channel.pagerduty;

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
import java.util.Set;

/**
 * Sends a group to PagerDuty's Events API v2: a {@code trigger} while any alert fires, a {@code resolve} when all
 * have resolved, both with the group's {@code dedup_key}. {@link #acknowledge} sends an {@code acknowledge} for the
 * group; the pipeline calls it when a person acknowledges the group in Vigil, since a {@link Notification} itself
 * has no acknowledged state. Immutable and thread-safe.
 */
public final class PagerDutyChannel implements AcknowledgingChannel {

    /** The {@code custom_details} keys the channel fills itself. */
    static final Set<String> RESERVED_DETAILS = Set.of("firing", "resolved", "num_firing", "num_resolved");

    private final PagerDutyConfig config;
    private final URI url;
    private final PagerDutyEvent events;
    private final ChannelContext context;
    private final ChannelHttp http;

    PagerDutyChannel(String name, PagerDutyConfig config, URI url, PagerDutyEvent events, ChannelContext context) {
        this.config = config;
        this.url = url;
        this.events = events;
        this.context = context;
        this.http = new ChannelHttp(name, context, config.timeout(), Redactor.of(config.routingKey()));
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return ResolvedFilter.deliver(notification, config.sendResolved(), this::deliverFiltered);
    }

    private DeliveryResult deliverFiltered(Notification sending) {
        if (sending.status() == AlertStatus.RESOLVED) {
            return post(events.action(sending, "resolve"));
        }
        return post(events.trigger(sending, NotificationText.externalUrl(sending, context)));
    }

    /** Sends an {@code acknowledge} event for the group of {@code notification}. */
    @Override
    public DeliveryResult acknowledge(Notification notification) {
        return post(events.action(notification, "acknowledge"));
    }

    private DeliveryResult post(ObjectNode event) {
        return http.send(http.postJson(url, Json.bytes(event)).build());
    }

    @Override
    public String toString() {
        return "pagerduty channel " + config;
    }
}
