package dev.vigil.logging.loki;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.logging.logql.LogqlEngine;
import org.jspecify.annotations.Nullable;

/**
 * The limits of the Loki API. Every key is optional; the defaults are Loki's.
 *
 * @param maxEntriesLimitPerQuery the largest {@code limit} a log query may ask for (Loki's
 *     {@code max_entries_limit_per_query}, 5000)
 * @param maxQuerySeries the most series a metric query may return (Loki's {@code max_query_series}, 500)
 */
public record LokiSettings(int maxEntriesLimitPerQuery, int maxQuerySeries) {

    private static final LokiSettings DEFAULTS = new LokiSettings(5000, LogqlEngine.DEFAULT_MAX_SERIES);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a value is out of range, naming the key and the value
     */
    public LokiSettings {
        if (maxEntriesLimitPerQuery <= 0 || maxEntriesLimitPerQuery > dev.vigil.api.logs.LogSearch.MAX_LIMIT) {
            throw new IllegalArgumentException("maxEntriesLimitPerQuery must be from 1 to " + dev.vigil.api.logs.LogSearch.MAX_LIMIT
                    + ", got " + maxEntriesLimitPerQuery);
        }
        if (maxQuerySeries <= 0) {
            throw new IllegalArgumentException("maxQuerySeries must be positive, got " + maxQuerySeries);
        }
    }

    /** 5000 lines per log query, 500 series per metric query. */
    public static LokiSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    static LokiSettings fromConfig(
            @JsonProperty("maxEntriesLimitPerQuery") @Nullable Integer maxEntriesLimitPerQuery,
            @JsonProperty("maxQuerySeries") @Nullable Integer maxQuerySeries) {
        return new LokiSettings(
                requireNonNullElse(maxEntriesLimitPerQuery, DEFAULTS.maxEntriesLimitPerQuery),
                requireNonNullElse(maxQuerySeries, DEFAULTS.maxQuerySeries));
    }
}
