package dev.vigil.metrics.remotewrite;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a {@link RemoteWriteExporter} sends samples. Only {@code url} is required; the other keys
 * default as in Prometheus's {@code queue_config}.
 *
 * @param url the receiver's endpoint, such as {@code http://mimir:8080/api/v1/push}; http or https
 * @param name the name in meters, logs and the sender thread's name; defaults to the url's {@code host:port}
 * @param headers extra request headers, such as a tenant id; cannot replace the protocol's own headers
 * @param bearerToken sent as {@code Authorization: Bearer <token>}, or null (or blank) for none
 * @param queueCapacity how many samples wait in memory for sending; more are dropped and counted
 * @param maxSamplesPerSend the most samples in one request
 * @param batchSendDeadline how long a sample waits for a batch to fill before the batch is sent anyway
 * @param minBackoff the first wait before retrying a request that failed in a way worth retrying
 * @param maxBackoff the longest wait between retries; the wait doubles from {@code minBackoff} up to this
 * @param timeout how long one request may take
 */
public record RemoteWriteSettings(
        URI url,
        String name,
        Map<String, String> headers,
        @Nullable String bearerToken,
        int queueCapacity,
        int maxSamplesPerSend,
        Duration batchSendDeadline,
        Duration minBackoff,
        Duration maxBackoff,
        Duration timeout) {

    /** Headers the exporter sets itself, compared in lower case. */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-type", "content-encoding", "content-length",
            "host", "connection", "user-agent", "x-prometheus-remote-write-version");

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public RemoteWriteSettings {
        checkUrl(url);
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        requireNonNull(headers, "headers is null");
        headers = Map.copyOf(headers);
        for (String header : headers.keySet()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (RESERVED_HEADERS.contains(lower) || (lower.equals("authorization") && bearerToken != null)) {
                throw new IllegalArgumentException("headers must not set " + header + ": the exporter sets it itself");
            }
        }
        // blank counts as not given, so that `bearerToken: ${TOKEN:-}` sends none when the variable is unset
        if (bearerToken != null && bearerToken.isBlank()) {
            bearerToken = null;
        }
        if (queueCapacity <= 0) {
            throw new IllegalArgumentException("queueCapacity must be positive, got " + queueCapacity);
        }
        if (maxSamplesPerSend <= 0) {
            throw new IllegalArgumentException("maxSamplesPerSend must be positive, got " + maxSamplesPerSend);
        }
        checkPositive("batchSendDeadline", batchSendDeadline);
        checkPositive("minBackoff", minBackoff);
        checkPositive("maxBackoff", maxBackoff);
        checkPositive("timeout", timeout);
        if (minBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("minBackoff (" + minBackoff + ") must not be longer than maxBackoff (" + maxBackoff + ")");
        }
    }

    /** Settings for {@code url} with every other key at its default. */
    public static RemoteWriteSettings forUrl(URI url) {
        return fromConfig(url, null, null, null, null, null, null, null, null, null);
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static RemoteWriteSettings fromConfig(
            @JsonProperty("url") @Nullable URI url,
            @JsonProperty("name") @Nullable String name,
            @JsonProperty("headers") @Nullable Map<String, String> headers,
            @JsonProperty("bearerToken") @Nullable String bearerToken,
            @JsonProperty("queueCapacity") @Nullable Integer queueCapacity,
            @JsonProperty("maxSamplesPerSend") @Nullable Integer maxSamplesPerSend,
            @JsonProperty("batchSendDeadline") @Nullable Duration batchSendDeadline,
            @JsonProperty("minBackoff") @Nullable Duration minBackoff,
            @JsonProperty("maxBackoff") @Nullable Duration maxBackoff,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        URI checked = checkUrl(url);
        return new RemoteWriteSettings(
                checked,
                name != null ? name : defaultName(checked),
                requireNonNullElse(headers, Map.of()),
                bearerToken,
                requireNonNullElse(queueCapacity, 100_000),
                requireNonNullElse(maxSamplesPerSend, 2000),
                requireNonNullElse(batchSendDeadline, Duration.ofSeconds(5)),
                requireNonNullElse(minBackoff, Duration.ofMillis(30)),
                requireNonNullElse(maxBackoff, Duration.ofSeconds(5)),
                requireNonNullElse(timeout, Duration.ofSeconds(30)));
    }

    private static URI checkUrl(@Nullable URI url) {
        if (url == null) {
            throw new IllegalArgumentException("url is required: the remote write endpoint, such as http://localhost:9090/api/v1/write");
        }
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an http or https URL with a host, got " + url);
        }
        return url;
    }

    private static String defaultName(URI url) {
        int port = url.getPort();
        if (port < 0) {
            port = url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        }
        return url.getHost() + ":" + port;
    }

    private static void checkPositive(String key, @Nullable Duration value) {
        requireNonNull(value, key + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }
}
