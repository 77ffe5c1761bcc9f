package dev.vigil.storage;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a {@link SegmentStore} lays out and writes its segments.
 *
 * @param segmentBytes the size at which the segment being written is closed and the next one started
 * @param maxSegmentAge how long a segment that holds items may be written to before the next one is started; this
 *     bounds how long retention keeps an item past its age
 * @param blockRawBytes the bytes of items (uncompressed) after which a block is sealed; a block is also sealed once
 *     its frames take an eighth of {@code segmentBytes} on disk (at least 64 KiB)
 * @param fsync whether each append also forces what it wrote to disk (survives power loss, not only a killed process)
 */
public record SegmentSettings(long segmentBytes, Duration maxSegmentAge, long blockRawBytes, boolean fsync) {

    /** Checks the arguments. */
    public SegmentSettings {
        requireNonNull(maxSegmentAge, "maxSegmentAge is null");
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segmentBytes must be positive, got " + segmentBytes);
        }
        if (maxSegmentAge.isNegative() || maxSegmentAge.isZero()) {
            throw new IllegalArgumentException("maxSegmentAge must be positive, got " + maxSegmentAge);
        }
        if (blockRawBytes <= 0) {
            throw new IllegalArgumentException("blockRawBytes must be positive, got " + blockRawBytes);
        }
    }
}
