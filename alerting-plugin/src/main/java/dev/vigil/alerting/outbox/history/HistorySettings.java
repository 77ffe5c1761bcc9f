package dev.vigil.alerting.outbox.history;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How much history is kept.
 *
 * @param maxAge entries older than this are removed (a whole segment at a time, once its newest entry is that old)
 * @param maxBytes when the files grow past this, the oldest are removed
 * @param segmentBytes the size at which a new segment file is started
 * @param segmentMaxAge the age at which a new segment file is started, so age limits apply in steps of this
 */
public record HistorySettings(Duration maxAge, long maxBytes, long segmentBytes, Duration segmentMaxAge) {

    /** Checks the parts. */
    public HistorySettings {
        requireNonNull(maxAge, "maxAge is null");
        requireNonNull(segmentMaxAge, "segmentMaxAge is null");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
        if (segmentMaxAge.isNegative() || segmentMaxAge.isZero()) {
            throw new IllegalArgumentException("segmentMaxAge must be positive: " + segmentMaxAge);
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096: " + segmentBytes);
        }
        if (maxBytes < segmentBytes) {
            throw new IllegalArgumentException("maxBytes (" + maxBytes + ") is below segmentBytes (" + segmentBytes + ")");
        }
    }

    /** Fourteen days, at most 128 MiB, in segments of 4 MiB or one day. */
    public static HistorySettings defaults() {
        return new HistorySettings(Duration.ofDays(14), 128L << 20, 4L << 20, Duration.ofDays(1));
    }
}
