package dev.vigil.alerting.channel.opsgenie;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Texts;
import dev.vigil.api.alerting.Notification;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the Opsgenie Alert API requests for one group: a create request, with the group's alias so that
 * Opsgenie deduplicates repeats into one alert, and the close and acknowledge requests that act on that alias. The
 * documented limits are applied by cutting: message 130 characters, alias 512, description 15000, tags 20 of 50
 * characters, details 8000 characters in all, entity 512, source 100. Immutable and thread-safe.
 */
final class OpsgenieRequests {

    static final Pattern PRIORITY = Pattern.compile("P[1-5]");

    private static final int MAX_MESSAGE = 130;
    private static final int MAX_DESCRIPTION = 15_000;
    private static final int MAX_TAGS = 20;
    private static final int MAX_TAG = 50;
    private static final int MAX_DETAILS = 8_000;
    private static final int MAX_ENTITY = 512;
    private static final int MAX_SOURCE = 100;

    private final OpsgenieConfig config;
    private final MessageTemplate message;
    private final @Nullable MessageTemplate description;
    private final @Nullable MessageTemplate priority;
    private final List<MessageTemplate> tags;
    private final Map<String, MessageTemplate> details;
    private final @Nullable MessageTemplate entity;

    OpsgenieRequests(OpsgenieConfig config, MessageTemplate message, @Nullable MessageTemplate description,
            @Nullable MessageTemplate priority, List<MessageTemplate> tags, Map<String, MessageTemplate> details,
            @Nullable MessageTemplate entity) {
        this.config = config;
        this.message = message;
        this.description = description;
        this.priority = priority;
        this.tags = tags;
        this.details = details;
        this.entity = entity;
    }

    /** The alias every request of the group uses. */
    static String alias(Notification notification) {
        return NotificationText.groupKeyHash(notification.groupKey());
    }

    /** The body of {@code POST /v2/alerts}. */
    ObjectNode create(Notification n, String externalUrl) {
        ObjectNode body = Json.object();
        String text = message.render(n, externalUrl);
        body.put("message", Texts.truncate(text.isBlank() ? NotificationText.subject(n) : text, MAX_MESSAGE));
        body.put("alias", alias(n));
        String describe = description == null ? defaultDescription(n, externalUrl) : description.render(n, externalUrl);
        body.put("description", Texts.truncate(describe, MAX_DESCRIPTION));
        if (!config.responders().isEmpty()) {
            ArrayNode responders = body.putArray("responders");
            config.responders().forEach(r -> responders.add(r.toJson()));
        }
        Set<String> tagValues = new LinkedHashSet<>();
        for (MessageTemplate tag : tags) {
            String value = tag.render(n, externalUrl).strip();
            if (!value.isEmpty() && tagValues.size() < MAX_TAGS) {
                tagValues.add(Texts.truncate(value, MAX_TAG));
            }
        }
        if (!tagValues.isEmpty()) {
            ArrayNode tagArray = body.putArray("tags");
            tagValues.forEach(tagArray::add);
        }
        body.set("details", Json.strings(details(n, externalUrl)));
        if (entity != null) {
            String value = entity.render(n, externalUrl);
            if (!value.isBlank()) {
                body.put("entity", Texts.truncate(value, MAX_ENTITY));
            }
        }
        body.put("source", Texts.truncate(config.source(), MAX_SOURCE));
        if (priority != null) {
            String value = priority.render(n, externalUrl).strip();
            if (PRIORITY.matcher(value).matches()) {
                body.put("priority", value);
            }
        }
        return body;
    }

    /** The body of {@code POST /v2/alerts/{alias}/close} and {@code …/acknowledge}. */
    ObjectNode action(String note) {
        return Json.object().put("source", Texts.truncate(config.source(), MAX_SOURCE)).put("note", note);
    }

    /** The common labels and the configured details, cut so that all of it stays within Opsgenie's limit. */
    private Map<String, String> details(Notification n, String externalUrl) {
        Map<String, String> all = new TreeMap<>(n.commonLabels());
        details.forEach((key, template) -> all.put(key, template.render(n, externalUrl)));
        Map<String, String> kept = new TreeMap<>();
        int size = 0;
        for (Map.Entry<String, String> entry : all.entrySet()) {
            int room = MAX_DETAILS - size - entry.getKey().length();
            if (room <= 0) {
                break;
            }
            String value = Texts.truncate(entry.getValue().isEmpty() ? "-" : entry.getValue(), room);
            kept.put(entry.getKey(), value);
            size += entry.getKey().length() + value.length();
        }
        return kept;
    }

    private static String defaultDescription(Notification n, String externalUrl) {
        StringBuilder out = new StringBuilder();
        String annotations = String.join(" ", n.commonAnnotations().values());
        if (!annotations.isBlank()) {
            out.append(annotations).append("\n\n");
        }
        if (!n.firing().isEmpty()) {
            out.append("Alerts firing:\n").append(NotificationText.listing(n.firing()));
        }
        if (!n.resolved().isEmpty()) {
            out.append("Alerts resolved:\n").append(NotificationText.listing(n.resolved()));
        }
        if (!externalUrl.isEmpty()) {
            out.append("Vigil: ").append(externalUrl).append('\n');
        }
        return out.toString();
    }
}
