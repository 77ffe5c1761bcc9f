package dev.vigil.alerting.channel.teams;

import dev.vigil.alerting.channel.ChannelHttp;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Redactor;
import dev.vigil.alerting.channel.ResolvedFilter;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;

/**
 * Posts an Adaptive Card (see {@link TeamsCard}) to a Teams Workflows webhook. A workflow answers 202 once it has
 * taken the message; the older connector webhooks answer 200 even when Teams throttled them, with the throttling
 * in the body, which is retried like a 429. Immutable and thread-safe.
 */
final class TeamsChannel implements NotificationChannel {

    private final TeamsConfig config;
    private final URI url;
    private final TeamsCard card;
    private final ChannelContext context;
    private final ChannelHttp http;

    TeamsChannel(String name, TeamsConfig config, URI url, TeamsCard card, ChannelContext context) {
        this.config = config;
        this.url = url;
        this.card = card;
        this.context = context;
        Redactor redactor = Redactor.builder().addUrl(config.webhookUrl()).build();
        this.http = new ChannelHttp(name, context, config.timeout(), redactor);
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return ResolvedFilter.deliver(notification, config.sendResolved(), this::deliverFiltered);
    }

    private DeliveryResult deliverFiltered(Notification sending) {
        byte[] body = Json.bytes(card.message(sending, NotificationText.externalUrl(sending, context)));
        return http.send(http.postJson(url, body).build(), reply -> reply.isSuccess()
                && reply.body().contains("HTTP error 429")
                ? http.retry(http.describe(reply) + " (throttled by Teams)", reply)
                : http.classify(reply));
    }

    @Override
    public String toString() {
        return "teams channel " + config;
    }
}
