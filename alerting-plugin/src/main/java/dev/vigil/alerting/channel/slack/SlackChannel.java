package dev.vigil.alerting.channel.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.alerting.channel.ChannelHttp;
import dev.vigil.alerting.channel.HttpReply;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Redactor;
import dev.vigil.alerting.channel.ResolvedFilter;
import dev.vigil.api.alerting.ChannelContext;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import dev.vigil.api.alerting.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;

/**
 * Posts a {@link SlackMessage} through an incoming webhook, or through {@code chat.postMessage} with a bot token.
 * A webhook answers with the HTTP status alone; the Web API answers 200 with {@code "ok": false} and an error code
 * when it refuses, so its answers are read: Slack's transient errors are retried, the others (an unknown channel,
 * a revoked token) fail for good. Immutable and thread-safe.
 */
final class SlackChannel implements NotificationChannel {

    /** Web API error codes that mean "try again later". */
    static final Set<String> TRANSIENT_ERRORS =
            Set.of("ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout");

    private final SlackConfig config;
    private final URI url;
    private final SlackMessage message;
    private final ChannelContext context;
    private final ChannelHttp http;

    SlackChannel(String name, SlackConfig config, URI url, SlackMessage message, ChannelContext context) {
        this.config = config;
        this.url = url;
        this.message = message;
        this.context = context;
        Redactor redactor = Redactor.builder().addUrl(config.webhookUrl()).add(config.botToken()).build();
        this.http = new ChannelHttp(name, context, config.timeout(), redactor);
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return ResolvedFilter.deliver(notification, config.sendResolved(), this::deliverFiltered);
    }

    private DeliveryResult deliverFiltered(Notification sending) {
        byte[] body = Json.bytes(message.of(sending, NotificationText.externalUrl(sending, context)));
        HttpRequest.Builder request = http.postJson(url, body);
        Secret token = config.botToken();
        if (token == null) {
            return http.send(request.build());
        }
        request.header("Authorization", "Bearer " + token.reveal());
        return http.send(request.build(), this::webApiOutcome);
    }

    private DeliveryResult webApiOutcome(HttpReply reply) {
        if (!reply.isSuccess()) {
            return http.classify(reply);
        }
        JsonNode answer;
        try {
            answer = Json.read(reply.body());
        } catch (JsonProcessingException e) {
            return http.failed("HTTP " + reply.status() + ": the answer is not Slack's JSON: " + http.describe(reply));
        }
        if (answer.path("ok").asBoolean(false)) {
            return http.delivered("HTTP " + reply.status() + ": ok");
        }
        String error = answer.path("error").asText("unknown_error");
        String detail = "HTTP " + reply.status() + ": Slack refused the message: " + error;
        return TRANSIENT_ERRORS.contains(error) ? http.retry(detail, reply) : http.failed(detail);
    }

    @Override
    public String toString() {
        return "slack channel " + config;
    }
}
