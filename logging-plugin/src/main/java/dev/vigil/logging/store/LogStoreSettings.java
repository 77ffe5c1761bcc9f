package dev.vigil.logging.store;

import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import dev.vigil.storage.StoreLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The embedded log store, the {@code store} section of the logging plugin. Every key is optional; see
 * {@link #defaults()}.
 *
 * @param retention how long records are kept: a segment whose newest record is older than this is deleted whole
 * @param retentionSize the most bytes the store may take on disk before its oldest segments are deleted; {@code 0B}
 *     for no limit, else at least {@code segmentSize} (the segment being written is never deleted for size)
 * @param segmentSize the size at which the segment being written is closed and a new one started (a segment is
 *     also closed an hour after it was started); retention deletes whole segments, so this is its granularity
 * @param fsync whether each append also forces its records to disk (survives power loss, not only a killed
 *     process), at a large cost in throughput
 */
public record LogStoreSettings(Duration retention, ByteSize retentionSize, ByteSize segmentSize, boolean fsync) {

    /** The smallest segment size: smaller segments would hold too few blocks to be worth a file. */
    public static final ByteSize MIN_SEGMENT_SIZE = StoreLimits.MIN_SEGMENT_SIZE;

    /** The largest segment size. */
    public static final ByteSize MAX_SEGMENT_SIZE = StoreLimits.MAX_SEGMENT_SIZE;

    private static final LogStoreSettings DEFAULTS =
            new LogStoreSettings(Duration.ofDays(7), ByteSize.ofBytes(0), ByteSize.ofMebibytes(64), false);

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public LogStoreSettings {
        StoreLimits.check(retention, retentionSize, segmentSize);
    }

    /** Records kept 7 days, no size limit, 64 MiB segments, no fsync. */
    public static LogStoreSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with {@code retention}. */
    public LogStoreSettings withRetention(Duration retention) {
        return new LogStoreSettings(retention, retentionSize, segmentSize, fsync);
    }

    /** These settings with {@code retentionSize}. */
    public LogStoreSettings withRetentionSize(ByteSize retentionSize) {
        return new LogStoreSettings(retention, retentionSize, segmentSize, fsync);
    }

    /** These settings with {@code segmentSize}. */
    public LogStoreSettings withSegmentSize(ByteSize segmentSize) {
        return new LogStoreSettings(retention, retentionSize, segmentSize, fsync);
    }

    /** These settings with {@code fsync}. */
    public LogStoreSettings withFsync(boolean fsync) {
        return new LogStoreSettings(retention, retentionSize, segmentSize, fsync);
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static LogStoreSettings fromConfig(
            @JsonProperty("retention") @Nullable Duration retention,
            @JsonProperty("retentionSize") @Nullable ByteSize retentionSize,
            @JsonProperty("segmentSize") @Nullable ByteSize segmentSize,
            @JsonProperty("fsync") @Nullable Boolean fsync) {
        return new LogStoreSettings(
                requireNonNullElse(retention, DEFAULTS.retention),
                requireNonNullElse(retentionSize, DEFAULTS.retentionSize),
                requireNonNullElse(segmentSize, DEFAULTS.segmentSize),
                requireNonNullElse(fsync, DEFAULTS.fsync));
    }
}
