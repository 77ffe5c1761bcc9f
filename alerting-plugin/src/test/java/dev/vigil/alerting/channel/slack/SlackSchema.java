package dev.vigil.alerting.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.alerting.channel.JsonShape;
import dev.vigil.alerting.channel.RecordingHttpServer.Request;
import java.util.List;

/**
 * Checks a message against Slack's documentation of {@code chat.postMessage} and incoming webhooks (top-level
 * {@code text}, {@code blocks}, {@code attachments}, {@code channel}, {@code username}, {@code icon_emoji},
 * {@code icon_url}) and of Block Kit: at most 50 blocks; a header block's {@code plain_text} of at most 150
 * characters; a section's text object of at most 3000 characters and at most 10 fields of at most 2000; a context
 * block of at most 10 elements; text objects of type {@code plain_text} or {@code mrkdwn}; an attachment's
 * {@code color} a hex colour or {@code good}, {@code warning}, {@code danger}.
 */
final class SlackSchema {

    private SlackSchema() {}

    static JsonShape check(Request request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        JsonShape message = JsonShape.object(request.json(), "message");
        message.onlyFields("text", "blocks", "attachments", "channel", "username", "icon_emoji", "icon_url");
        assertThat(message.string("text").length()).isBetween(1, 3000);
        message.optionalString("channel");
        message.optionalString("username");
        if (message.node().has("icon_emoji")) {
            assertThat(message.string("icon_emoji")).matches(":[a-z0-9_+'-]+:");
        }
        message.optionalString("icon_url");
        List<JsonShape> blocks = message.objects("blocks");
        assertThat(blocks).hasSizeBetween(1, 50);
        for (JsonShape block : blocks) {
            String type = block.enumeration("type", "header", "section", "context", "divider");
            switch (type) {
                case "header" -> {
                    block.onlyFields("type", "text", "block_id");
                    JsonShape text = textObject(block.object("text"), 150);
                    assertThat(text.string("type")).isEqualTo("plain_text");
                }
                case "section" -> {
                    block.onlyFields("type", "text", "fields", "block_id");
                    assertThat(block.node().has("text") || block.node().has("fields"))
                            .as("a section has text or fields").isTrue();
                    if (block.node().has("text")) {
                        textObject(block.object("text"), 3000);
                    }
                    if (block.node().has("fields")) {
                        List<JsonShape> fields = block.objects("fields");
                        assertThat(fields).hasSizeBetween(1, 10);
                        fields.forEach(f -> textObject(f, 2000));
                    }
                }
                case "context" -> {
                    block.onlyFields("type", "elements", "block_id");
                    List<JsonShape> elements = block.objects("elements");
                    assertThat(elements).hasSizeBetween(1, 10);
                    elements.forEach(e -> textObject(e, 3000));
                }
                default -> block.onlyFields("type", "block_id");
            }
        }
        for (JsonShape attachment : message.objects("attachments")) {
            attachment.onlyFields("color", "fallback", "text", "pretext", "title", "title_link", "fields", "blocks");
            assertThat(attachment.string("color")).matches("#[0-9A-Fa-f]{6}|good|warning|danger");
            attachment.optionalString("fallback");
            attachment.optionalString("text");
        }
        return message;
    }

    private static JsonShape textObject(JsonShape text, int max) {
        text.onlyFields("type", "text", "emoji", "verbatim");
        String type = text.enumeration("type", "plain_text", "mrkdwn");
        assertThat(text.string("text").length()).as("text length").isBetween(1, max);
        if (text.node().has("emoji")) {
            assertThat(type).as("emoji is for plain_text").isEqualTo("plain_text");
            text.bool("emoji");
        }
        return text;
    }
}
