package dev.vigil.alerting.channel.webhook;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.alerting.channel.BasicAuth;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@code webhook} channel. Only {@code url} is required.
 *
 * @param url where the payload is posted; a secret, since such URLs often carry a key
 * @param basicAuth HTTP Basic credentials, or null
 * @param bearerToken a token sent as {@code Authorization: Bearer …}, or null; not together with {@code basicAuth}
 * @param headers more request headers, such as an API key header; values are secrets
 * @param maxAlerts the most alerts one payload holds, the rest counted in {@code truncatedAlerts}; 0 (the
 *     default) for all
 * @param sendResolved whether resolved alerts are sent (default true)
 * @param timeout how long a request may take (default 10s)
 */
public record WebhookConfig(Secret url, @Nullable BasicAuth basicAuth, @Nullable Secret bearerToken,
        Map<String, Secret> headers, int maxAlerts, boolean sendResolved, Duration timeout) {

    /** The default request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks and copies. */
    public WebhookConfig {
        requireNonNull(url, "url is null");
        headers = Map.copyOf(new TreeMap<>(requireNonNull(headers, "headers is null")));
        requireNonNull(timeout, "timeout is null");
    }

    /** Settings with the defaults for everything but {@code url}. */
    public static WebhookConfig of(Secret url) {
        return new WebhookConfig(url, null, null, Map.of(), 0, true, DEFAULT_TIMEOUT);
    }

    /** Binds the settings: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static WebhookConfig fromConfig(
            @JsonProperty("url") @Nullable Secret url,
            @JsonProperty("basicAuth") @Nullable BasicAuth basicAuth,
            @JsonProperty("bearerToken") @Nullable Secret bearerToken,
            @JsonProperty("headers") @Nullable Map<String, Secret> headers,
            @JsonProperty("maxAlerts") @Nullable Integer maxAlerts,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        if (url == null) {
            throw new IllegalArgumentException("url is required");
        }
        return new WebhookConfig(url, basicAuth, bearerToken, requireNonNullElse(headers, Map.of()),
                requireNonNullElse(maxAlerts, 0), requireNonNullElse(sendResolved, true),
                requireNonNullElse(timeout, DEFAULT_TIMEOUT));
    }
}
