package dev.vigil.alerting.channel.alertmanager;

import dev.vigil.alerting.channel.ChannelHttp;
import dev.vigil.alerting.channel.HttpAuth;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.Redactor;
import dev.vigil.alerting.channel.ResolvedFilter;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.DeliveryResult.Outcome;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Forwards a notification's alerts to every configured Alertmanager, as Prometheus does: each receives the same
 * postable alerts, one after the other. One Alertmanager accepting is enough (a cluster shares what one member
 * receives), so the delivery counts as done when at least one accepted. When none did, it is retried — unless every
 * one refused the alerts for good (a 4xx other than 429), which no retry would change. Immutable and thread-safe.
 */
final class AlertmanagerChannel implements NotificationChannel {

    private final AlertmanagerConfig config;
    private final List<URI> endpoints;
    private final ChannelHttp http;

    AlertmanagerChannel(String name, AlertmanagerConfig config, List<URI> endpoints, ChannelContext context) {
        this.config = config;
        this.endpoints = endpoints;
        Redactor redactor = HttpAuth.addSecrets(Redactor.builder(), config.basicAuth(), config.bearerToken()).build();
        this.http = new ChannelHttp(name, context, config.timeout(), redactor);
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return ResolvedFilter.deliver(notification, config.sendResolved(), this::deliverFiltered);
    }

    private DeliveryResult deliverFiltered(Notification sending) {
        byte[] body = Json.bytes(PostableAlerts.of(sending, config.firingValidFor()));
        List<String> details = new ArrayList<>();
        int accepted = 0;
        boolean retryable = false;
        Optional<Duration> longestWait = Optional.empty();
        for (URI endpoint : endpoints) {
            HttpRequest.Builder request = http.postJson(endpoint, body);
            HttpAuth.header(config.basicAuth(), config.bearerToken())
                    .ifPresent(value -> request.header("Authorization", value));
            DeliveryResult result = http.send(request.build());
            details.add(endpoint.getAuthority() + ": " + result.detail());
            if (result.outcome() == Outcome.DELIVERED) {
                accepted++;
            } else if (result.outcome() == Outcome.RETRY) {
                retryable = true;
                longestWait = longer(longestWait, result.retryAfter());
            }
        }
        String detail = "accepted by " + accepted + " of " + endpoints.size() + " (" + String.join("; ", details) + ")";
        if (accepted > 0) {
            return DeliveryResult.delivered(detail);
        }
        if (!retryable) {
            return DeliveryResult.failed(detail);
        }
        return longestWait.map(wait -> DeliveryResult.retryAfter(detail, wait))
                .orElseGet(() -> DeliveryResult.retry(detail));
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "alertmanager channel " + config;
    }
}
