package dev.vigil.examples.filechannel;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.DeliveryResult;
import dev.vigil.api.alerting.Notification;
import dev.vigil.api.alerting.NotificationChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Appends each notification to a file as one line of JSON, in the fields of Alertmanager's webhook payload plus the
 * notification's {@code id} (the same when the outbox delivers a notification again after a restart, so a reader can
 * skip repeats). The line is forced to disk before the delivery counts as done. Thread-safe: lines are appended
 * whole, one at a time.
 */
final class JsonLinesChannel implements NotificationChannel {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final FileChannelConfig config;

    JsonLinesChannel(String name, FileChannelConfig config) {
        this.name = requireNonNull(name, "name is null");
        this.config = requireNonNull(config, "config is null");
    }

    @Override
    public DeliveryResult deliver(Notification notification) throws IOException {
        if (notification.status() == AlertStatus.RESOLVED && !config.sendResolved()) {
            return DeliveryResult.delivered("resolved notifications are not written (sendResolved: false)");
        }
        byte[] line = (line(notification) + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = config.path();
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        synchronized (this) {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(false);
            }
        }
        return DeliveryResult.delivered("appended " + line.length + " bytes to " + file);
    }

    @Override
    public String toString() {
        return "file channel of " + name + " (" + config.path() + ")";
    }

    private static String line(Notification n) throws JsonProcessingException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", n.id());
        node.put("version", "4");
        node.put("receiver", n.receiver());
        node.put("status", n.status().wireName());
        node.put("groupKey", n.groupKey());
        node.put("truncatedAlerts", n.truncatedAlerts());
        node.set("groupLabels", strings(n.groupLabels()));
        node.set("commonLabels", strings(n.commonLabels()));
        node.set("commonAnnotations", strings(n.commonAnnotations()));
        node.put("externalURL", n.externalUrl());
        node.put("createdAt", n.createdAt().toString());
        ArrayNode alerts = node.putArray("alerts");
        for (Alert alert : n.alerts()) {
            ObjectNode a = alerts.addObject();
            a.put("status", alert.status().wireName());
            a.set("labels", strings(alert.labels()));
            a.set("annotations", strings(alert.annotations()));
            a.put("startsAt", alert.startsAt().toString());
            a.put("endsAt", alert.endsAt().map(Object::toString).orElse("0001-01-01T00:00:00Z"));
            a.put("generatorURL", alert.generatorUrl());
            a.put("fingerprint", alert.fingerprint());
        }
        return JSON.writeValueAsString(node);
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        map.forEach(node::put);
        return node;
    }
}
