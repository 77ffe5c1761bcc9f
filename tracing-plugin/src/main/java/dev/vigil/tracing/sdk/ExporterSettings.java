package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@code exporters} list of the SDK settings: where the platform's sampled spans go. Each entry is a
 * mapping with a {@code type} and the keys of that type; a key of another type is refused.
 */
public sealed interface ExporterSettings {

    /** The default export timeout of the network exporters. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The {@code type} written in the settings. */
    String type();

    /**
     * OTLP/HTTP with protobuf bodies, through OpenTelemetry's own exporter: {@code type: otlp}.
     *
     * @param endpoint the full URL spans are posted to (default {@code http://localhost:4318/v1/traces})
     * @param headers sent with every request, such as an {@code Authorization} header
     * @param gzip whether bodies are gzip-compressed ({@code compression: gzip}; default {@code none})
     * @param timeout the longest one request may take, retries included (default 10s)
     */
    record Otlp(URI endpoint, Map<String, String> headers, boolean gzip, Duration timeout) implements ExporterSettings {

        /** The endpoint of a collector on this machine. */
        public static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:4318/v1/traces");

        /**
         * Checks and copies.
         *
         * @throws IllegalArgumentException naming the key and the value
         */
        public Otlp {
            checkEndpoint(endpoint);
            headers = Map.copyOf(headers);
            checkTimeout(timeout);
            for (String name : headers.keySet()) {
                if (name.isBlank()) {
                    throw new IllegalArgumentException("headers must not have an empty name");
                }
            }
        }

        @Override
        public String type() {
            return "otlp";
        }

        @Override
        public String toString() {
            // header values are often credentials
            return "Otlp[endpoint=" + endpoint + ", headers=" + headers.keySet() + ", gzip=" + gzip + ", timeout=" + timeout + "]";
        }
    }

    /**
     * Zipkin's v2 JSON API: {@code type: zipkin}.
     *
     * @param endpoint the full URL spans are posted to (default {@code http://localhost:9411/api/v2/spans})
     * @param timeout the longest one request may take (default 10s)
     */
    record Zipkin(URI endpoint, Duration timeout) implements ExporterSettings {

        /** The endpoint of a Zipkin server on this machine. */
        public static final URI DEFAULT_ENDPOINT = URI.create("http://localhost:9411/api/v2/spans");

        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException naming the key and the value
         */
        public Zipkin {
            checkEndpoint(endpoint);
            checkTimeout(timeout);
        }

        @Override
        public String type() {
            return "zipkin";
        }
    }

    /** Each span written to the platform's log, through OpenTelemetry's logging exporter: {@code type: logging}. */
    record Logging() implements ExporterSettings {
        @Override
        public String type() {
            return "logging";
        }
    }

    /** Into the platform's own trace store, so that the platform's spans can be searched too: {@code type: store}. */
    record Store() implements ExporterSettings {
        @Override
        public String type() {
            return "store";
        }
    }

    @JsonCreator
    private static ExporterSettings fromConfig(@JsonProperty("type") @Nullable String type,
            @JsonProperty("endpoint") @Nullable String endpoint,
            @JsonProperty("headers") @Nullable Map<String, String> headers,
            @JsonProperty("compression") @Nullable String compression,
            @JsonProperty("timeout") @Nullable Duration timeout) {
        if (type == null) {
            throw new IllegalArgumentException("type is required: otlp, zipkin, logging or store");
        }
        String t = type.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "otlp" -> {
                return new Otlp(endpoint == null ? Otlp.DEFAULT_ENDPOINT : parseEndpoint(endpoint), requireNonNullElse(headers, Map.of()),
                        compression != null && gzip(compression), requireNonNullElse(timeout, DEFAULT_TIMEOUT));
            }
            case "zipkin" -> {
                refuse(t, "headers", headers);
                refuse(t, "compression", compression);
                return new Zipkin(endpoint == null ? Zipkin.DEFAULT_ENDPOINT : parseEndpoint(endpoint), requireNonNullElse(timeout, DEFAULT_TIMEOUT));
            }
            case "logging", "store" -> {
                refuse(t, "endpoint", endpoint);
                refuse(t, "headers", headers);
                refuse(t, "compression", compression);
                refuse(t, "timeout", timeout);
                return t.equals("logging") ? new Logging() : new Store();
            }
            default -> throw new IllegalArgumentException("type must be one of otlp, zipkin, logging, store, got '" + type + "'");
        }
    }

    private static void refuse(String type, String key, @Nullable Object value) {
        if (value != null) {
            throw new IllegalArgumentException(key + " does not apply to the " + type + " exporter");
        }
    }

    private static boolean gzip(String compression) {
        return switch (compression.trim().toLowerCase(Locale.ROOT)) {
            case "gzip" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException("compression must be gzip or none, got '" + compression + "'");
        };
    }

    private static URI parseEndpoint(String endpoint) {
        try {
            return new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint is not a URL: '" + endpoint + "' (" + e.getReason() + ")", e);
        }
    }

    private static void checkEndpoint(URI endpoint) {
        requireNonNull(endpoint, "endpoint is null");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an http or https URL with a host, got '" + endpoint + "'");
        }
    }

    private static void checkTimeout(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        if (timeout.toMillis() <= 0) {
            throw new IllegalArgumentException("timeout must be at least 1ms, got " + timeout);
        }
    }
}
