package dev.vigil.alerting.channel.pagerduty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.Link;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Rfc3339;
import dev.vigil.alerting.channel.Texts;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.Notification;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Events of PagerDuty's Events API v2 for one group. Every event of a group carries the same {@code dedup_key}
 * (the hash of the group key), so a trigger opens one PagerDuty alert, later triggers update it, and an
 * acknowledge or resolve applies to it. A trigger carries the payload (summary, source, severity, timestamp,
 * component, group, class, custom details) and links; acknowledge and resolve carry only the key and action, as
 * the API documents them. Immutable and thread-safe.
 */
final class PagerDutyEvent {

    /** The severities PagerDuty accepts, most severe first. */
    static final List<String> SEVERITIES = List.of("critical", "error", "warning", "info");

    /** PagerDuty refuses events larger than 512 KB; stay clear of that. */
    static final int MAX_EVENT_BYTES = 500 * 1024;

    private static final int MAX_SUMMARY = 1024;
    private static final int MAX_SOURCE_LINKS = 5;

    private final PagerDutyConfig config;
    private final MessageTemplate summary;
    private final MessageTemplate source;
    private final @Nullable MessageTemplate component;
    private final @Nullable MessageTemplate group;
    private final @Nullable MessageTemplate eventClass;
    private final Map<String, MessageTemplate> details;

    PagerDutyEvent(PagerDutyConfig config, MessageTemplate summary, MessageTemplate source,
            @Nullable MessageTemplate component, @Nullable MessageTemplate group, @Nullable MessageTemplate eventClass,
            Map<String, MessageTemplate> details) {
        this.config = config;
        this.summary = summary;
        this.source = source;
        this.component = component;
        this.group = group;
        this.eventClass = eventClass;
        this.details = details;
    }

    /** The key every event of the group carries. */
    static String dedupKey(Notification notification) {
        return NotificationText.groupKeyHash(notification.groupKey());
    }

    /** An acknowledge or resolve event: the key and the action only. */
    ObjectNode action(Notification notification, String action) {
        ObjectNode event = Json.object();
        event.put("routing_key", config.routingKey().reveal());
        event.put("event_action", action);
        event.put("dedup_key", dedupKey(notification));
        return event;
    }

    /** A trigger event with the payload and links. */
    ObjectNode trigger(Notification notification, String externalUrl) {
        String firing = NotificationText.listing(notification.firing());
        String resolved = NotificationText.listing(notification.resolved());
        ObjectNode event = trigger(notification, externalUrl, firing, resolved);
        // cut the listings, the only parts that grow with the group, until the event fits
        int room = Math.max(firing.length(), resolved.length());
        while (Json.bytes(event).length > MAX_EVENT_BYTES && room > 1) {
            room /= 2;
            event = trigger(notification, externalUrl, Texts.truncate(firing, room), Texts.truncate(resolved, room));
        }
        return event;
    }

    private ObjectNode trigger(Notification n, String externalUrl, String firing, String resolved) {
        ObjectNode event = action(n, "trigger");
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", Texts.truncate(nonEmpty(summary.render(n, externalUrl), NotificationText.subject(n)),
                MAX_SUMMARY));
        payload.put("source", nonEmpty(source.render(n, externalUrl), "vigil"));
        payload.put("severity", severity(n));
        earliestStart(n).ifPresent(start -> payload.put("timestamp", Rfc3339.format(start)));
        putIfNotEmpty(payload, "component", component, n, externalUrl);
        putIfNotEmpty(payload, "group", group, n, externalUrl);
        putIfNotEmpty(payload, "class", eventClass, n, externalUrl);
        ObjectNode custom = payload.putObject("custom_details");
        custom.put("firing", firing);
        custom.put("resolved", resolved);
        custom.put("num_firing", n.firing().size());
        custom.put("num_resolved", n.resolved().size());
        details.forEach((key, template) -> custom.put(key, template.render(n, externalUrl)));
        event.put("client", "Vigil");
        if (!externalUrl.isEmpty()) {
            event.put("client_url", externalUrl);
        }
        ArrayNode links = event.putArray("links");
        for (Link link : config.links()) {
            links.addObject().put("href", link.href()).put("text", link.text());
        }
        Set<String> sources = new LinkedHashSet<>();
        for (Alert alert : n.alerts()) {
            if (!alert.generatorUrl().isEmpty() && sources.size() < MAX_SOURCE_LINKS) {
                sources.add(alert.generatorUrl());
            }
        }
        for (String href : sources) {
            links.addObject().put("href", href).put("text", "Source");
        }
        return event;
    }

    /** The most severe valid severity among the firing alerts' labels, else the configured default. */
    String severity(Notification n) {
        int best = SEVERITIES.size();
        List<Alert> alerts = n.firing().isEmpty() ? n.alerts() : n.firing();
        for (Alert alert : alerts) {
            String value = alert.labels().get(config.severityLabel());
            if (value != null) {
                int rank = SEVERITIES.indexOf(value.toLowerCase(Locale.ROOT));
                if (rank >= 0 && rank < best) {
                    best = rank;
                }
            }
        }
        return best < SEVERITIES.size() ? SEVERITIES.get(best) : config.defaultSeverity();
    }

    private static Optional<Instant> earliestStart(Notification n) {
        List<Alert> alerts = n.firing().isEmpty() ? n.alerts() : n.firing();
        return alerts.stream().map(Alert::startsAt).min(Instant::compareTo);
    }

    private static void putIfNotEmpty(ObjectNode payload, String field, @Nullable MessageTemplate template,
            Notification n, String externalUrl) {
        if (template != null) {
            String value = template.render(n, externalUrl);
            if (!value.isBlank()) {
                payload.put(field, value);
            }
        }
    }

    private static String nonEmpty(String value, String fallback) {
        return value.isBlank() ? fallback : value;
    }
}
