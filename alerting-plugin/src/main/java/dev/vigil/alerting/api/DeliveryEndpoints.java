package dev.vigil.alerting.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.ChannelStatus;
import dev.vigil.alerting.ReceiverChannels;
import dev.vigil.alerting.outbox.Outbox;
import dev.vigil.alerting.outbox.OutboxStatus;
import dev.vigil.alerting.outbox.PendingDelivery;
import dev.vigil.alerting.outbox.QueueStatus;
import dev.vigil.alerting.outbox.history.HistoryEntry;
import dev.vigil.alerting.outbox.history.HistoryPage;
import dev.vigil.alerting.outbox.history.HistoryQuery;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.http.HttpExchange;
import dev.vigil.api.http.HttpStatusException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where notifications went and where they wait:
 * <ul>
 *   <li>{@code GET /api/v1/alerting/history}: every delivery attempt, newest first, filtered by {@code receiver},
 *       {@code outcome} ({@code delivered}, {@code retry}, {@code failed}), {@code alertname}, {@code notification}
 *       (an id), {@code from} and {@code to}; {@code limit} entries a page (100 by default, at most 1000), the next
 *       page with {@code page} set to the {@code nextPage} of the answer;</li>
 *   <li>{@code GET /api/v1/alerting/outbox}: the delivery queues, what waits and why;</li>
 *   <li>{@code GET /api/v1/alerting/receivers}: each receiver's channels, whether their type is available, and their
 *       settings with secrets shown as {@code <secret>}.</li>
 * </ul>
 */
final class DeliveryEndpoints {

    private final Outbox outbox;
    private final ReceiverChannels channels;

    DeliveryEndpoints(Outbox outbox, ReceiverChannels channels) {
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.channels = requireNonNull(channels, "channels is null");
    }

    void history(HttpExchange exchange) {
        HistoryQuery.Builder query = HistoryQuery.builder();
        Params.time(exchange, "from").ifPresent(query::from);
        Params.time(exchange, "to").ifPresent(query::to);
        text(exchange, "receiver").ifPresent(query::receiver);
        text(exchange, "alertname").ifPresent(query::alertName);
        text(exchange, "notification").ifPresent(query::notificationId);
        text(exchange, "outcome").ifPresent(outcome -> query.outcome(outcome(outcome)));
        Params.integer(exchange, "limit", 1, HistoryQuery.MAX_LIMIT).ifPresent(query::limit);
        text(exchange, "page").ifPresent(query::pageToken);
        HistoryPage page;
        try {
            page = outbox.history().query(query.build());
        } catch (IllegalArgumentException e) {
            throw HttpStatusException.badRequest(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new HttpStatusException(503, "the notification history cannot be read now");
        }
        ArrayNode entries = Json.array();
        page.entries().forEach(entry -> entries.add(entry(entry)));
        ObjectNode data = Json.object();
        data.set("entries", entries);
        if (page.nextPageToken().isPresent()) {
            data.put("nextPage", page.nextPageToken().get());
        } else {
            data.putNull("nextPage");
        }
        Json.success(exchange, data);
    }

    void outbox(HttpExchange exchange) {
        OutboxStatus status = outbox.status();
        ObjectNode data = Json.object();
        data.put("pending", status.pending());
        Json.putInstant(data, "oldestPendingEnqueuedAt", status.oldestPendingEnqueuedAt());
        ObjectNode attempts = data.putObject("attempts");
        status.attempts().forEach((outcome, count) -> attempts.put(outcome.name().toLowerCase(Locale.ROOT), count));
        data.put("segments", status.segments());
        data.put("logBytes", status.logBytes());
        ArrayNode queues = data.putArray("queues");
        for (QueueStatus queue : status.queues()) {
            ObjectNode node = queues.addObject();
            node.put("receiver", queue.receiver());
            node.put("channel", queue.integration());
            node.put("type", queue.channelType());
            node.put("state", queue.state().name().toLowerCase(Locale.ROOT));
            node.put("reason", queue.reason());
            node.put("pending", queue.pending());
            Json.putInstant(node, "oldestEnqueuedAt", queue.oldestEnqueuedAt());
            Json.putInstant(node, "nextAttemptAt", queue.nextAttemptAt());
            node.put("headAttempts", queue.headAttempts());
            if (queue.lastError().isPresent()) {
                node.put("lastError", queue.lastError().get());
            } else {
                node.putNull("lastError");
            }
        }
        ArrayNode waiting = data.putArray("waiting");
        for (PendingDelivery pending : outbox.pending()) {
            ObjectNode node = waiting.addObject();
            node.put("notification", pending.notificationId());
            node.put("receiver", pending.receiver());
            node.put("channel", pending.integration());
            node.put("type", pending.channelType());
            node.put("status", pending.status().wireName());
            node.put("groupKey", pending.groupKey());
            node.put("enqueuedAt", pending.enqueuedAt().toString());
            node.put("attempts", pending.attempts());
            node.put("state", pending.state().name().toLowerCase(Locale.ROOT));
            node.put("reason", pending.reason());
        }
        Json.success(exchange, data);
    }

    void receivers(HttpExchange exchange) {
        Map<String, ArrayNode> byReceiver = new LinkedHashMap<>();
        for (ChannelStatus channel : channels.status()) {
            ObjectNode node = byReceiver.computeIfAbsent(channel.receiver(), r -> Json.array()).addObject();
            node.put("name", channel.name());
            node.put("type", channel.type());
            node.put("state", channel.state().name().toLowerCase(Locale.ROOT));
            node.put("detail", channel.detail());
            node.put("factory", channel.factory());
            if (channel.settings().isPresent()) {
                node.set("settings", channel.settings().get());
            } else {
                node.putNull("settings");
            }
        }
        ObjectNode data = Json.object();
        ArrayNode types = data.putArray("channelTypes");
        channels.availableTypes().forEach(types::add);
        ArrayNode receivers = data.putArray("receivers");
        for (String name : channels.receiverNames()) {
            ObjectNode receiver = receivers.addObject();
            receiver.put("name", name);
            receiver.set("channels", byReceiver.getOrDefault(name, Json.array()));
        }
        Json.success(exchange, data);
    }

    private static ObjectNode entry(HistoryEntry entry) {
        ObjectNode node = Json.object();
        node.put("at", entry.at().toString());
        node.put("notification", entry.notificationId());
        node.put("receiver", entry.receiver());
        node.put("channel", entry.integration());
        node.put("type", entry.channelType());
        node.put("status", entry.status().wireName());
        node.put("groupKey", entry.groupKey());
        ArrayNode names = node.putArray("alertnames");
        entry.alertNames().forEach(names::add);
        ArrayNode fingerprints = node.putArray("fingerprints");
        entry.fingerprints().forEach(fingerprints::add);
        node.put("attempt", entry.attempt());
        node.put("outcome", entry.outcome().name().toLowerCase(Locale.ROOT));
        node.put("detail", entry.detail());
        node.put("elapsedSeconds", entry.elapsed().toNanos() / 1e9);
        return node;
    }

    private static DeliveryResult.Outcome outcome(String text) {
        for (DeliveryResult.Outcome outcome : DeliveryResult.Outcome.values()) {
            if (outcome.name().equalsIgnoreCase(text)) {
                return outcome;
            }
        }
        throw HttpStatusException.badRequest("invalid parameter \"outcome\": '" + text + "' is none of delivered, retry, failed");
    }

    private static Optional<String> text(HttpExchange exchange, String name) {
        return exchange.queryParam(name).filter(v -> !v.isEmpty());
    }
}
