package dev.vigil.alerting.channel.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerting.channel.Json;
import dev.vigil.alerting.channel.Link;
import dev.vigil.alerting.channel.MessageTemplate;
import dev.vigil.alerting.channel.NotificationText;
import dev.vigil.api.alerting.Alert;
import dev.vigil.api.alerting.AlertStatus;
import dev.vigil.api.alerting.Notification;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The message a Teams Workflows webhook takes: {@code {"type": "message", "attachments": [card]}} with one Adaptive
 * Card (version {@value #CARD_VERSION}): a title coloured by status, a line of counts, one container per alert (its
 * status and name, summary, labels as facts, source link), and buttons to Vigil, the runbook and configured links.
 * Teams refuses messages over about 28 KB, so alerts that do not fit are left out and counted. Immutable and
 * thread-safe.
 */
final class TeamsCard {

    /** The Adaptive Card schema version the card needs. */
    static final String CARD_VERSION = "1.4";

    /** The content type of an Adaptive Card attachment. */
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

    /** Room for the message, below Teams' limit of about 28 KB. */
    static final int MAX_MESSAGE_BYTES = 26 * 1024;

    /** Teams shows at most this many actions on a card. */
    static final int MAX_ACTIONS = 6;

    private final MessageTemplate title;
    private final @Nullable MessageTemplate text;
    private final List<Link> links;

    TeamsCard(MessageTemplate title, @Nullable MessageTemplate text, List<Link> links) {
        this.title = title;
        this.text = text;
        this.links = links;
    }

    /** The message for {@code n}. */
    ObjectNode message(Notification n, String externalUrl) {
        ObjectNode card = Json.object();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", CARD_VERSION);
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        boolean firing = n.status() == AlertStatus.FIRING;
        String heading = title.render(n, externalUrl);
        body.addObject().put("type", "TextBlock").put("text", heading.isBlank() ? NotificationText.subject(n) : heading)
                .put("size", "Large").put("weight", "Bolder").put("wrap", true)
                .put("color", firing ? "Attention" : "Good");
        String line = text == null ? NotificationText.counts(n) : text.render(n, externalUrl);
        if (!line.isBlank()) {
            body.addObject().put("type", "TextBlock").put("text", line).put("isSubtle", true).put("wrap", true)
                    .put("spacing", "None");
        }
        card.set("actions", actions(n, externalUrl));
        ObjectNode message = Json.object();
        message.put("type", "message");
        ObjectNode attachment = message.putArray("attachments").addObject();
        attachment.put("contentType", CONTENT_TYPE);
        attachment.putNull("contentUrl");
        attachment.set("content", card);

        int budget = MAX_MESSAGE_BYTES - Json.bytes(message).length - 200;
        int shown = 0;
        for (Alert alert : n.alerts()) {
            ObjectNode container = container(alert);
            int size = Json.bytes(container).length + 1;
            if (size > budget) {
                break;
            }
            body.add(container);
            budget -= size;
            shown++;
        }
        int left = n.alerts().size() - shown + n.truncatedAlerts();
        if (left > 0) {
            String more = "… and " + left + " more alert" + (left == 1 ? "" : "s") + " not shown";
            body.addObject().put("type", "TextBlock").put("text", more).put("isSubtle", true).put("wrap", true);
        }
        return message;
    }

    private static ObjectNode container(Alert alert) {
        boolean firing = alert.status() == AlertStatus.FIRING;
        ObjectNode container = Json.object();
        container.put("type", "Container");
        container.put("style", firing ? "attention" : "good");
        container.put("separator", true);
        ArrayNode items = container.putArray("items");
        items.addObject().put("type", "TextBlock").put("wrap", true).put("weight", "Bolder")
                .put("text", (firing ? "FIRING" : "RESOLVED") + " · " + NotificationText.title(alert));
        String summary = NotificationText.summary(alert);
        if (!summary.isEmpty()) {
            items.addObject().put("type", "TextBlock").put("wrap", true).put("text", summary);
        }
        ArrayNode facts = Json.array();
        alert.labels().forEach((name, value) -> {
            if (!name.equals("alertname")) {
                facts.addObject().put("title", name).put("value", value);
            }
        });
        if (!facts.isEmpty()) {
            items.addObject().put("type", "FactSet").set("facts", facts);
        }
        if (Link.isWebUrl(alert.generatorUrl())) {
            items.addObject().put("type", "TextBlock").put("wrap", true).put("isSubtle", true)
                    .put("text", "[Source](" + alert.generatorUrl() + ")");
        }
        return container;
    }

    private ArrayNode actions(Notification n, String externalUrl) {
        List<Link> all = new ArrayList<>();
        if (Link.isWebUrl(externalUrl)) {
            all.add(new Link(externalUrl, "Open Vigil"));
        }
        String runbook = n.commonAnnotations().getOrDefault("runbook_url", "");
        if (Link.isWebUrl(runbook)) {
            all.add(new Link(runbook, "Runbook"));
        }
        all.addAll(links);
        ArrayNode actions = Json.array();
        for (Link link : all.subList(0, Math.min(all.size(), MAX_ACTIONS))) {
            actions.addObject().put("type", "Action.OpenUrl").put("title", link.text()).put("url", link.href());
        }
        return actions;
    }
}
