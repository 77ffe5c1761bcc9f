package dev.vigil.alerting.channel.alertmanager;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.alerting.channel.BasicAuth;
import dev.vigil.api.alerting.Secret;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an {@code alertmanager} channel. Only {@code urls} is required.
 *
 * @param urls the base URLs of the Alertmanagers, such as {@code http://alertmanager:9093} (with the route prefix,
 *     if one is set); each receives every notification's alerts at {@code <url>/api/v2/alerts}
 * @param basicAuth HTTP Basic credentials, or null
 * @param bearerToken a token sent as {@code Authorization: Bearer …}, or null; not together with {@code basicAuth}
 * @param firingValidFor if set, firing alerts are sent with {@code endsAt} this long after the notification was
 *     made, so that Alertmanager resolves them on its own if Vigil stops sending; set it longer than the route's
 *     {@code repeat_interval}. If null (the default), {@code endsAt} is left out and Alertmanager's
 *     {@code resolve_timeout} applies
 * @param sendResolved whether resolved alerts are sent (default true); without them Alertmanager resolves alerts
 *     only when they time out
 * @param timeout how long a request to one Alertmanager may take (default 10s)
 */
public record AlertmanagerConfig(List<String> urls, @Nullable BasicAuth basicAuth, @Nullable Secret bearerToken,
        @Nullable Duration firingValidFor, boolean sendResolved, Duration timeout) {

    /** The default request timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Checks and copies. */
    public AlertmanagerConfig {
        urls = List.copyOf(requireNonNull(urls, "urls is null"));
        requireNonNull(timeout, "timeout is null");
    }

    /** Settings with the defaults for everything but {@code urls}. */
    public static AlertmanagerConfig of(List<String> urls) {
        return new AlertmanagerConfig(urls, null, null, null, true, DEFAULT_TIMEOUT);
    }

    /** Binds the settings: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static AlertmanagerConfig fromConfig(
            @JsonProperty("urls") @Nullable List<String> urls,
            @JsonProperty("basicAuth") @Nullable BasicAuth basicAuth,
            @JsonProperty("bearerToken") @Nullable Secret bearerToken,
            @JsonProperty("firingValidFor") @Nullable Duration firingValidFor,
            @JsonProperty("sendResolved") @Nullable Boolean sendResolved,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        if (urls == null) {
            throw new IllegalArgumentException("urls is required");
        }
        return new AlertmanagerConfig(urls, basicAuth, bearerToken, firingValidFor,
                requireNonNullElse(sendResolved, true), requireNonNullElse(timeout, DEFAULT_TIMEOUT));
    }
}
