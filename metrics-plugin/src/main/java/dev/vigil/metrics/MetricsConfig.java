package dev.vigil.metrics;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.metrics.otlp.OtlpSettings;
import dev.vigil.metrics.query.QuerySettings;
import dev.vigil.metrics.remotewrite.ReceiverSettings;
import dev.vigil.metrics.remotewrite.RemoteWriteSettings;
import dev.vigil.metrics.scrape.ScrapeSettings;
import dev.vigil.metrics.store.StoreSettings;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code metrics} section of the configuration file. Every key is optional; see {@link #defaults()}.
 *
 * @param selfScrapeInterval how often the platform's own meters are written to the store; {@code 0s} for never
 * @param storage the embedded store
 * @param scrape the targets to scrape
 * @param receivers the OTLP/HTTP and remote-write receivers
 * @param remoteWrite the remote-write endpoints every stored sample is also sent to
 * @param query the PromQL engine and the query API
 */
public record MetricsConfig(
        Duration selfScrapeInterval,
        StoreSettings storage,
        ScrapeSettings scrape,
        Receivers receivers,
        List<RemoteWriteSettings> remoteWrite,
        QuerySettings query) {

    private static final MetricsConfig DEFAULTS = new MetricsConfig(Duration.ofSeconds(15), StoreSettings.defaults(),
            ScrapeSettings.defaults(), Receivers.defaults(), List.of(), QuerySettings.defaults());

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if {@code selfScrapeInterval} is negative or two remote-write endpoints
     *     share a name
     */
    public MetricsConfig {
        requireNonNull(selfScrapeInterval, "selfScrapeInterval is null");
        requireNonNull(storage, "storage is null");
        requireNonNull(scrape, "scrape is null");
        requireNonNull(receivers, "receivers is null");
        remoteWrite = List.copyOf(requireNonNull(remoteWrite, "remoteWrite is null"));
        requireNonNull(query, "query is null");
        if (selfScrapeInterval.isNegative()) {
            throw new IllegalArgumentException("selfScrapeInterval must not be negative, got " + selfScrapeInterval);
        }
        Set<String> names = new HashSet<>();
        for (RemoteWriteSettings endpoint : remoteWrite) {
            if (!names.add(endpoint.name())) {
                throw new IllegalArgumentException("remoteWrite: two endpoints are named '" + endpoint.name() + "'; give each a distinct name");
            }
        }
    }

    /** Self-scrape every 15s, the store's, scrape's, receivers' and query's defaults, no remote write. */
    public static MetricsConfig defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static MetricsConfig fromConfig(
            @JsonProperty("selfScrapeInterval") @Nullable Duration selfScrapeInterval,
            @JsonProperty("storage") @Nullable StoreSettings storage,
            @JsonProperty("scrape") @Nullable ScrapeSettings scrape,
            @JsonProperty("receivers") @Nullable Receivers receivers,
            @JsonProperty("remoteWrite") @Nullable List<RemoteWriteSettings> remoteWrite,
            @JsonProperty("query") @Nullable QuerySettings query) {
        return new MetricsConfig(
                requireNonNullElse(selfScrapeInterval, DEFAULTS.selfScrapeInterval),
                requireNonNullElse(storage, DEFAULTS.storage),
                requireNonNullElse(scrape, DEFAULTS.scrape),
                requireNonNullElse(receivers, DEFAULTS.receivers),
                requireNonNullElse(remoteWrite, DEFAULTS.remoteWrite),
                requireNonNullElse(query, DEFAULTS.query));
    }

    /**
     * The receivers, the {@code metrics.receivers} section.
     *
     * @param otlp {@code POST /v1/metrics} on the OTLP/HTTP listener
     * @param remoteWrite {@code POST /api/v1/write} on the API server
     */
    public record Receivers(OtlpSettings otlp, ReceiverSettings remoteWrite) {

        private static final Receivers DEFAULTS = new Receivers(OtlpSettings.defaults(), ReceiverSettings.defaults());

        /** Checks that no part is null. */
        public Receivers {
            requireNonNull(otlp, "otlp is null");
            requireNonNull(remoteWrite, "remoteWrite is null");
        }

        /** Both receivers with their defaults. */
        public static Receivers defaults() {
            return DEFAULTS;
        }

        @JsonCreator
        private static Receivers fromConfig(
                @JsonProperty("otlp") @Nullable OtlpSettings otlp,
                @JsonProperty("remoteWrite") @Nullable ReceiverSettings remoteWrite) {
            return new Receivers(requireNonNullElse(otlp, DEFAULTS.otlp), requireNonNullElse(remoteWrite, DEFAULTS.remoteWrite));
        }
    }
}
