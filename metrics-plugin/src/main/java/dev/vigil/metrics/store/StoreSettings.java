package dev.vigil.metrics.store;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The embedded metric store, the {@code storage} section of the metrics plugin. Every key is optional; see
 * {@link #defaults()}.
 *
 * @param retention how long samples are kept; whole blocks older than this are deleted
 * @param retentionSize the most bytes the store may take on disk before its oldest blocks are deleted;
 *     {@code 0B} for no limit
 * @param maxSeriesPerMetric how many active series (with samples in the head) one metric name may have; samples
 *     of further series are refused until maintenance moves series without recent samples out of the head
 * @param blockDuration the time range of one block on disk
 * @param fsync whether each commit also forces the write-ahead log to disk (survives power loss, not only a
 *     killed process), at a large cost in throughput
 */
public record StoreSettings(Duration retention, ByteSize retentionSize, int maxSeriesPerMetric, Duration blockDuration,
        boolean fsync) {

    private static final StoreSettings DEFAULTS =
            new StoreSettings(Duration.ofDays(15), ByteSize.ofBytes(0), 100_000, Duration.ofHours(2), false);

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public StoreSettings {
        requireNonNull(retention, "retention is null");
        requireNonNull(retentionSize, "retentionSize is null");
        requireNonNull(blockDuration, "blockDuration is null");
        if (retention.toMillis() <= 0) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        if (maxSeriesPerMetric <= 0) {
            throw new IllegalArgumentException("maxSeriesPerMetric must be positive, got " + maxSeriesPerMetric);
        }
        if (blockDuration.toMillis() < 1000) {
            throw new IllegalArgumentException("blockDuration must be at least 1s, got " + blockDuration);
        }
    }

    /** Samples kept 15 days, no size limit, 100000 active series per metric name, 2-hour blocks, no fsync. */
    public static StoreSettings defaults() {
        return DEFAULTS;
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static StoreSettings fromConfig(
            @JsonProperty("retention") @Nullable Duration retention,
            @JsonProperty("retentionSize") @Nullable ByteSize retentionSize,
            @JsonProperty("maxSeriesPerMetric") @Nullable Integer maxSeriesPerMetric,
            @JsonProperty("blockDuration") @Nullable Duration blockDuration,
            @JsonProperty("fsync") @Nullable Boolean fsync) {
        return new StoreSettings(
                requireNonNullElse(retention, DEFAULTS.retention),
                requireNonNullElse(retentionSize, DEFAULTS.retentionSize),
                requireNonNullElse(maxSeriesPerMetric, DEFAULTS.maxSeriesPerMetric),
                requireNonNullElse(blockDuration, DEFAULTS.blockDuration),
                requireNonNullElse(fsync, DEFAULTS.fsync));
    }
}
