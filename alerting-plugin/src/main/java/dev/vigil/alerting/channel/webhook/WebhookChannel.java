package dev.vigil.alerting.channel.webhook;

import dev.vigil.alerting.channel.ChannelHttp;
import dev.vigil.alerting.channel.HttpAuth;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Redactor;
import dev.vigil.alerting.channel.ResolvedFilter;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Posts Alertmanager's webhook payload (see {@link WebhookPayload}) to one URL, with the notification's id as
 * {@code Idempotency-Key} so that a receiver can recognise the same notification delivered again after a restart.
 * Immutable and thread-safe.
 */
final class WebhookChannel implements NotificationChannel {

    private final WebhookConfig config;
    private final URI url;
    private final ChannelContext context;
    private final ChannelHttp http;

    WebhookChannel(String name, WebhookConfig config, URI url, ChannelContext context) {
        this.config = config;
        this.url = url;
        this.context = context;
        Redactor.Builder secrets = HttpAuth.addSecrets(Redactor.builder().addUrl(config.url()), config.basicAuth(),
                config.bearerToken());
        config.headers().values().forEach(secrets::add);
        this.http = new ChannelHttp(name, context, config.timeout(), secrets.build());
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return ResolvedFilter.deliver(notification, config.sendResolved(), this::deliverFiltered);
    }

    private DeliveryResult deliverFiltered(Notification sending) {
        byte[] body = Json.bytes(WebhookPayload.of(
                sending, config.maxAlerts(), NotificationText.externalUrl(sending, context)));
        HttpRequest.Builder request = http.postJson(url, body).header("Idempotency-Key", sending.id());
        HttpAuth.header(config.basicAuth(), config.bearerToken())
                .ifPresent(value -> request.header("Authorization", value));
        config.headers().forEach((name, value) -> request.header(name, value.reveal()));
        return http.send(request.build());
    }

    @Override
    public String toString() {
        return "webhook channel " + config;
    }
}
