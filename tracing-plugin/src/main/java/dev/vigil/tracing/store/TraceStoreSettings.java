package dev.vigil.tracing.store;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.api.config.ByteSize;
import dev.vigil.storage.StoreLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The embedded trace store, the {@code store} section of the tracing plugin. Every key is optional; see
 * {@link #defaults()}.
 *
 * @param retention how long spans are kept: a segment whose latest span start is older than this is deleted whole
 * @param retentionSize the most bytes the store may take on disk before its oldest segments are deleted; {@code 0B}
 *     for no limit, else at least {@code segmentSize} (the segment being written is never deleted for size)
 * @param segmentSize the size at which the segment being written is closed and a new one started (a segment is also
 *     closed an hour after it was started); retention deletes whole segments, so this is its granularity
 * @param fsync whether each append also forces its spans to disk (survives power loss, not only a killed process),
 *     at a large cost in throughput
 * @param tailSampling tail-based retention: which whole traces are kept, decided once they are complete
 */
public record TraceStoreSettings(Duration retention, ByteSize retentionSize, ByteSize segmentSize, boolean fsync,
        TailSampling tailSampling) {

    /** The smallest segment size: smaller segments would hold too few blocks to be worth a file. */
    public static final ByteSize MIN_SEGMENT_SIZE = StoreLimits.MIN_SEGMENT_SIZE;

    /** The largest segment size. */
    public static final ByteSize MAX_SEGMENT_SIZE = StoreLimits.MAX_SEGMENT_SIZE;

    private static final TraceStoreSettings DEFAULTS = new TraceStoreSettings(Duration.ofDays(7), ByteSize.ofBytes(0),
            ByteSize.ofMebibytes(64), false, TailSampling.disabled());

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
     */
    public TraceStoreSettings {
        StoreLimits.check(retention, retentionSize, segmentSize);
        requireNonNull(tailSampling, "tailSampling is null");
    }

    /** Spans kept 7 days, no size limit, 64 MiB segments, no fsync, every trace kept (no tail sampling). */
    public static TraceStoreSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with {@code retention}. */
    public TraceStoreSettings withRetention(Duration retention) {
        return new TraceStoreSettings(retention, retentionSize, segmentSize, fsync, tailSampling);
    }

    /** These settings with {@code retentionSize}. */
    public TraceStoreSettings withRetentionSize(ByteSize retentionSize) {
        return new TraceStoreSettings(retention, retentionSize, segmentSize, fsync, tailSampling);
    }

    /** These settings with {@code segmentSize}. */
    public TraceStoreSettings withSegmentSize(ByteSize segmentSize) {
        return new TraceStoreSettings(retention, retentionSize, segmentSize, fsync, tailSampling);
    }

    /** These settings with {@code fsync}. */
    public TraceStoreSettings withFsync(boolean fsync) {
        return new TraceStoreSettings(retention, retentionSize, segmentSize, fsync, tailSampling);
    }

    /** These settings with {@code tailSampling}. */
    public TraceStoreSettings withTailSampling(TailSampling tailSampling) {
        return new TraceStoreSettings(retention, retentionSize, segmentSize, fsync, tailSampling);
    }

    /** Binds the section: a key that is absent (or null) keeps its default. */
    @JsonCreator
    private static TraceStoreSettings fromConfig(
            @JsonProperty("retention") @Nullable Duration retention,
            @JsonProperty("retentionSize") @Nullable ByteSize retentionSize,
            @JsonProperty("segmentSize") @Nullable ByteSize segmentSize,
            @JsonProperty("fsync") @Nullable Boolean fsync,
            @JsonProperty("tailSampling") @Nullable TailSampling tailSampling) {
        return new TraceStoreSettings(
                requireNonNullElse(retention, DEFAULTS.retention),
                requireNonNullElse(retentionSize, DEFAULTS.retentionSize),
                requireNonNullElse(segmentSize, DEFAULTS.segmentSize),
                requireNonNullElse(fsync, DEFAULTS.fsync),
                requireNonNullElse(tailSampling, DEFAULTS.tailSampling));
    }

    /**
     * Tail-based retention, the {@code tailSampling} key: spans are held in memory until their trace has had no new
     * span for {@code decisionWait}; then the whole trace is kept if any span failed or it lasted longer than
     * {@code latencyThreshold}, and otherwise kept with the probability {@code sampleRate}, decided by its trace id so
     * that every span of a trace gets the same decision. Held spans live only in memory: closing the store decides and
     * writes them, but a crash loses them (see {@link TraceStore}).
     *
     * @param enabled whether traces are sampled at all; when false every span is stored as it arrives
     * @param decisionWait how long after a trace's last span its decision is made: the time its slowest parts are
     *     given to arrive; at most an hour
     * @param latencyThreshold a trace that lasted longer than this (from its earliest start to its latest end) is kept
     * @param sampleRate the share, from 0 to 1, of the other traces that are kept
     */
    public record TailSampling(boolean enabled, Duration decisionWait, Duration latencyThreshold, double sampleRate) {

        /** The longest decision wait. */
        public static final Duration MAX_DECISION_WAIT = Duration.ofHours(1);

        private static final TailSampling DISABLED = new TailSampling(false, Duration.ofSeconds(30), Duration.ofSeconds(1), 0.1);

        /**
         * Checks the rules above.
         *
         * @throws IllegalArgumentException if a value breaks a rule above, naming the key and the value
         */
        public TailSampling {
            requireNonNull(decisionWait, "decisionWait is null");
            requireNonNull(latencyThreshold, "latencyThreshold is null");
            if (decisionWait.isNegative() || decisionWait.isZero() || decisionWait.compareTo(MAX_DECISION_WAIT) > 0) {
                throw new IllegalArgumentException("tailSampling.decisionWait must be positive and at most "
                        + MAX_DECISION_WAIT + ", got " + decisionWait);
            }
            if (latencyThreshold.isNegative()) {
                throw new IllegalArgumentException("tailSampling.latencyThreshold must not be negative, got "
                        + latencyThreshold);
            }
            if (!(sampleRate >= 0 && sampleRate <= 1)) {
                throw new IllegalArgumentException("tailSampling.sampleRate must be from 0 to 1, got " + sampleRate);
            }
        }

        /** Off; when turned on: a 30 s decision wait, traces over 1 s kept, a tenth of the others kept. */
        public static TailSampling disabled() {
            return DISABLED;
        }

        /** Sampling on, with the given rules. */
        public static TailSampling enabled(Duration decisionWait, Duration latencyThreshold, double sampleRate) {
            return new TailSampling(true, decisionWait, latencyThreshold, sampleRate);
        }

        /** Binds the section: a key that is absent (or null) keeps its default. */
        @JsonCreator
        private static TailSampling fromConfig(
                @JsonProperty("enabled") @Nullable Boolean enabled,
                @JsonProperty("decisionWait") @Nullable Duration decisionWait,
                @JsonProperty("latencyThreshold") @Nullable Duration latencyThreshold,
                @JsonProperty("sampleRate") @Nullable Double sampleRate) {
            return new TailSampling(
                    requireNonNullElse(enabled, DISABLED.enabled),
                    requireNonNullElse(decisionWait, DISABLED.decisionWait),
                    requireNonNullElse(latencyThreshold, DISABLED.latencyThreshold),
                    requireNonNullElse(sampleRate, DISABLED.sampleRate));
        }
    }
}
