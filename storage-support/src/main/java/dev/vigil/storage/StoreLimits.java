package dev.vigil.storage;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.config.ByteSize;
import java.time.Duration;

/**
 * The rules every segment store's user-facing settings share: retention by age and size, and the segment size, which
 * is retention's granularity (whole segments are deleted).
 */
public final class StoreLimits {

    /** The smallest segment size: smaller segments would hold too few blocks to be worth a file. */
    public static final ByteSize MIN_SEGMENT_SIZE = ByteSize.ofMebibytes(1);

    /** The largest segment size. */
    public static final ByteSize MAX_SEGMENT_SIZE = ByteSize.ofMebibytes(4096);

    private StoreLimits() {}

    /**
     * Checks a store's retention and segment size as written in its settings.
     *
     * @param retention how long items are kept; must be positive
     * @param retentionSize the most bytes on disk; {@code 0B} for no limit, else at least {@code segmentSize}
     * @param segmentSize from {@link #MIN_SEGMENT_SIZE} to {@link #MAX_SEGMENT_SIZE}
     * @throws IllegalArgumentException naming the key and the value that breaks a rule
     */
    public static void check(Duration retention, ByteSize retentionSize, ByteSize segmentSize) {
        requireNonNull(retention, "retention is null");
        requireNonNull(retentionSize, "retentionSize is null");
        requireNonNull(segmentSize, "segmentSize is null");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, got " + retention);
        }
        if (segmentSize.compareTo(MIN_SEGMENT_SIZE) < 0 || segmentSize.compareTo(MAX_SEGMENT_SIZE) > 0) {
            throw new IllegalArgumentException("segmentSize must be from " + MIN_SEGMENT_SIZE + " to " + MAX_SEGMENT_SIZE
                    + ", got " + segmentSize);
        }
        if (retentionSize.bytes() != 0 && retentionSize.compareTo(segmentSize) < 0) {
            throw new IllegalArgumentException("retentionSize must be 0B (no limit) or at least segmentSize ("
                    + segmentSize + "), got " + retentionSize);
        }
    }
}
