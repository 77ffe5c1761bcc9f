package dev.vigil.alerting.channel.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.Link;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.alerting.channel.Texts;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Slack message for one group, in Block Kit: a header with the title, one section per alert (its status, name,
 * summary and source link, with its labels as fields), and a context block of links; a coloured attachment gives
 * the status at a glance (red or amber while firing, green when resolved), and {@code text} is the fallback for
 * notifications. Slack's limits are kept by cutting: 50 blocks (alerts beyond are counted in a last section), 150
 * characters in a header, 3000 in a text, 10 fields of 2000, 10 context elements. Immutable and thread-safe.
 */
final class SlackMessage {

    static final int MAX_BLOCKS = 50;
    static final int MAX_HEADER = 150;
    static final int MAX_TEXT = 3000;
    static final int MAX_FIELDS = 10;
    static final int MAX_FIELD = 2000;
    static final int MAX_CONTEXT_ELEMENTS = 10;

    static final String RED = "#E01E5A";
    static final String AMBER = "#ECB22E";
    static final String GREEN = "#2EB67D";

    private final SlackConfig config;
    private final MessageTemplate title;

    SlackMessage(SlackConfig config, MessageTemplate title) {
        this.config = config;
        this.title = title;
    }

    /** The message for {@code n}. */
    ObjectNode of(Notification n, String externalUrl) {
        ObjectNode message = Json.object();
        putIfPresent(message, "channel", config.channel());
        putIfPresent(message, "username", config.username());
        if (config.iconEmoji() != null) {
            message.put("icon_emoji", config.iconEmoji());
        } else {
            putIfPresent(message, "icon_url", config.iconUrl());
        }
        String heading = title.render(n, externalUrl);
        if (heading.isBlank()) {
            heading = NotificationText.subject(n);
        }
        String counts = NotificationText.counts(n);
        String fallback = Texts.truncate(escape(heading + (counts.isEmpty() ? "" : " — " + counts)), MAX_TEXT);
        message.put("text", fallback);

        ArrayNode blocks = message.putArray("blocks");
        blocks.addObject().put("type", "header").set("text", plain(Texts.truncate(heading, MAX_HEADER)));
        List<Alert> alerts = n.alerts();
        int room = MAX_BLOCKS - 2;
        int shown = alerts.size() <= room ? alerts.size() : room - 1;
        for (Alert alert : alerts.subList(0, shown)) {
            blocks.add(section(alert));
        }
        int left = alerts.size() - shown + n.truncatedAlerts();
        if (left > 0) {
            blocks.addObject().put("type", "section").set("text",
                    mrkdwn("_… and " + left + " more alert" + (left == 1 ? "" : "s") + " not shown_"));
        }
        ArrayNode elements = Json.array();
        for (Link link : links(n, externalUrl)) {
            if (elements.size() < MAX_CONTEXT_ELEMENTS) {
                elements.add(mrkdwn(Texts.truncate("<" + link.href() + "|" + escape(link.text()) + ">", MAX_TEXT)));
            }
        }
        if (!elements.isEmpty()) {
            blocks.addObject().put("type", "context").set("elements", elements);
        }

        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("color", colour(n));
        attachment.put("fallback", fallback);
        attachment.put("text", escape(counts.isEmpty() ? n.status().wireName() : counts));
        return message;
    }

    private static ObjectNode section(Alert alert) {
        boolean firing = alert.status() == AlertStatus.FIRING;
        StringBuilder text = new StringBuilder()
                .append(firing ? ":red_circle: *FIRING*" : ":large_green_circle: *RESOLVED*")
                .append(" · *").append(escape(NotificationText.title(alert))).append('*');
        String summary = NotificationText.summary(alert);
        if (!summary.isEmpty()) {
            text.append('\n').append(escape(summary));
        }
        String source = "";
        if (Link.isWebUrl(alert.generatorUrl())) {
            source = "\n<" + alert.generatorUrl() + "|Source>";
        }
        // the link goes last and is kept whole: cut the text before it
        String body = Texts.truncate(text.toString(), MAX_TEXT - source.length()) + source;
        ObjectNode section = Json.object().put("type", "section");
        section.set("text", mrkdwn(body));
        List<Map.Entry<String, String>> labels = new ArrayList<>();
        alert.labels().entrySet().stream().filter(e -> !e.getKey().equals("alertname")).forEach(labels::add);
        if (!labels.isEmpty()) {
            ArrayNode fields = section.putArray("fields");
            int fit = labels.size() <= MAX_FIELDS ? labels.size() : MAX_FIELDS - 1;
            for (Map.Entry<String, String> label : labels.subList(0, fit)) {
                fields.add(mrkdwn(Texts.truncate("*" + escape(label.getKey()) + "*\n" + escape(label.getValue()),
                        MAX_FIELD)));
            }
            if (fit < labels.size()) {
                fields.add(mrkdwn("_+" + (labels.size() - fit) + " more labels_"));
            }
        }
        return section;
    }

    private List<Link> links(Notification n, String externalUrl) {
        List<Link> links = new ArrayList<>();
        if (Link.isWebUrl(externalUrl)) {
            links.add(new Link(externalUrl, "Open Vigil"));
        }
        String runbook = n.commonAnnotations().getOrDefault("runbook_url", "");
        if (Link.isWebUrl(runbook)) {
            links.add(new Link(runbook, "Runbook"));
        }
        links.addAll(config.links());
        return links;
    }

    private static String colour(Notification n) {
        if (n.status() == AlertStatus.RESOLVED) {
            return GREEN;
        }
        boolean allWarnings = n.firing().stream()
                .allMatch(a -> "warning".equalsIgnoreCase(a.labels().getOrDefault("severity", "")));
        return allWarnings ? AMBER : RED;
    }

    /** Slack's escaping of the three characters its markup uses; all other text is sent as is. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static ObjectNode plain(String text) {
        return Json.object().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private static ObjectNode mrkdwn(String text) {
        return Json.object().put("type", "mrkdwn").put("text", text);
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
