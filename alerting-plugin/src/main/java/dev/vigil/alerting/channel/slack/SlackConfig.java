package dev.vigil.alerting.channel.slack;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.alerting.channel.Link;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@code slack} channel: either an incoming webhook ({@code webhookUrl}) or a bot token with
 * {@code chat.postMessage} ({@code botToken} and {@code channel}). Texts marked "template" take the placeholders
 * of {@link dev.vigil.alerting.channel.MessageTemplate}.
 *
 * @param webhookUrl an incoming webhook URL, or null when a bot token is used
 * @param botToken a bot token ({@code xoxb-…}) with the {@code chat:write} scope, or null when a webhook is used
 * @param apiUrl the {@code chat.postMessage} endpoint (default {@value #DEFAULT_API_URL}); used with a bot token
 * @param channel the channel to post to ({@code #alerts} or an id); required with a bot token, an override with a
 *     webhook (which Slack may ignore)
 * @param username the name to post as, or null
 * @param iconEmoji an emoji to post with, such as {@code :rotating_light:}, or null
 * @param iconUrl an image to post with, or null; {@code iconEmoji} wins when both are given
 * @param title the message's header, a template (default {@code {subject}})
 * @param links more links in the message's footer, after "Open Vigil" and the runbook
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param timeout how long a request may take (default 10s)
 */
public record SlackConfig(@Nullable Secret webhookUrl, @Nullable Secret botToken, String apiUrl,
        @Nullable String channel, @Nullable String username, @Nullable String iconEmoji, @Nullable String iconUrl,
        String title, List<Link> links, boolean sendResolved, Duration timeout) {

    /** Slack's {@code chat.postMessage} endpoint. */
    public static final String DEFAULT_API_URL = "https://slack.com/api/chat.postMessage";

    /** The default request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks and copies. */
    public SlackConfig {
        requireNonNull(apiUrl, "apiUrl is null");
        requireNonNull(title, "title is null");
        links = List.copyOf(requireNonNull(links, "links is null"));
        requireNonNull(timeout, "timeout is null");
    }

    /** Settings for an incoming webhook, with the defaults for everything else. */
    public static SlackConfig webhook(Secret webhookUrl) {
        return new SlackConfig(webhookUrl, null, DEFAULT_API_URL, null, null, null, null, "{subject}", List.of(), true,
                DEFAULT_TIMEOUT);
    }

    /** Settings for a bot token posting to {@code channel}, with the defaults for everything else. */
    public static SlackConfig bot(Secret botToken, String channel) {
        return new SlackConfig(null, botToken, DEFAULT_API_URL, channel, null, null, null, "{subject}", List.of(), true,
                DEFAULT_TIMEOUT);
    }

    /** Binds the settings: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static SlackConfig fromConfig(
            @JsonProperty("webhookUrl") @Nullable Secret webhookUrl,
            @JsonProperty("botToken") @Nullable Secret botToken,
            @JsonProperty("apiUrl") @Nullable String apiUrl,
            @JsonProperty("channel") @Nullable String channel,
            @JsonProperty("username") @Nullable String username,
            @JsonProperty("iconEmoji") @Nullable String iconEmoji,
            @JsonProperty("iconUrl") @Nullable String iconUrl,
            @JsonProperty("title") @Nullable String title,
            @JsonProperty("links") @Nullable List<Link> links,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        return new SlackConfig(webhookUrl, botToken, requireNonNullElse(apiUrl, DEFAULT_API_URL), channel, username,
                iconEmoji, iconUrl, requireNonNullElse(title, "{subject}"), requireNonNullElse(links, List.of()),
                requireNonNullElse(sendResolved, true), requireNonNullElse(timeout, DEFAULT_TIMEOUT));
    }
}
