package dev.vigil.alerting.channel.teams;

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
 * The settings of a {@code teams} channel. Only {@code webhookUrl} is required. Texts marked "template" take the
 * placeholders of {@link dev.vigil.alerting.channel.MessageTemplate}.
 *
 * @param webhookUrl the URL of the Teams Workflows webhook ("Post to a channel when a webhook request is
 *     received"); a secret, since whoever has it can post
 * @param title the card's title, a template (default {@code {subject}})
 * @param text a line under the title, a template, or null for the alert counts
 * @param links more buttons on the card, after "Open Vigil" and the runbook
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param timeout how long a request may take (default 10s)
 */
public record TeamsConfig(Secret webhookUrl, String title, @Nullable String text, List<Link> links,
        boolean sendResolved, Duration timeout) {

    /** The default request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks and copies. */
    public TeamsConfig {
        requireNonNull(webhookUrl, "webhookUrl is null");
        requireNonNull(title, "title is null");
        links = List.copyOf(requireNonNull(links, "links is null"));
        requireNonNull(timeout, "timeout is null");
    }

    /** Settings with the defaults for everything but {@code webhookUrl}. */
    public static TeamsConfig of(Secret webhookUrl) {
        return new TeamsConfig(webhookUrl, "{subject}", null, List.of(), true, DEFAULT_TIMEOUT);
    }

    /** Binds the settings: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static TeamsConfig fromConfig(
            @JsonProperty("webhookUrl") @Nullable Secret webhookUrl,
            @JsonProperty("title") @Nullable String title,
            @JsonProperty("text") @Nullable String text,
            @JsonProperty("links") @Nullable List<Link> links,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        if (webhookUrl == null) {
            throw new IllegalArgumentException("webhookUrl is required");
        }
        return new TeamsConfig(webhookUrl, requireNonNullElse(title, "{subject}"), text,
                requireNonNullElse(links, List.of()), requireNonNullElse(sendResolved, true),
                requireNonNullElse(timeout, DEFAULT_TIMEOUT));
    }
}
