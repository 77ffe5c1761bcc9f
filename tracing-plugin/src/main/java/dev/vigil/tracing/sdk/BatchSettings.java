package dev.vigil.tracing.sdk;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How finished spans wait for export: the {@code batch} key of the SDK settings, applied to each exporter's own queue.
 * Every key is optional; the defaults are OpenTelemetry's.
 *
 * @param maxQueueSize the most spans waiting for one exporter (default 2048, at most {@value #MAX_QUEUE_SIZE}: the
 *     queue is allocated whole when the SDK is built); a span ended while the queue is full is dropped and counted, never
 *     waited for
 * @param maxExportBatchSize the most spans in one export (default 512), at most {@code maxQueueSize}; a full batch is
 *     exported at once
 * @param scheduleDelay the longest a span waits for a batch to fill (default 5s)
 * @param exportTimeout the longest one export may take before it counts as failed (default 30s); also how long
 *     closing waits for the queue to drain
 */
public record BatchSettings(int maxQueueSize, int maxExportBatchSize, Duration scheduleDelay, Duration exportTimeout) {

    /** The largest {@code maxQueueSize}. */
    public static final int MAX_QUEUE_SIZE = 1 << 24;

    private static final BatchSettings DEFAULTS = new BatchSettings(2048, 512, Duration.ofSeconds(5), Duration.ofSeconds(30));

    /**
     * Checks the rules above.
     *
     * @throws IllegalArgumentException naming the key and the value
     */
    public BatchSettings {
        requireNonNull(scheduleDelay, "scheduleDelay is null");
        requireNonNull(exportTimeout, "exportTimeout is null");
        if (maxQueueSize <= 0 || maxQueueSize > MAX_QUEUE_SIZE) {
            throw new IllegalArgumentException("maxQueueSize must be positive and at most " + MAX_QUEUE_SIZE + ", got " + maxQueueSize);
        }
        if (maxExportBatchSize <= 0 || maxExportBatchSize > maxQueueSize) {
            throw new IllegalArgumentException("maxExportBatchSize must be positive and at most maxQueueSize (" + maxQueueSize
                    + "), got " + maxExportBatchSize);
        }
        if (scheduleDelay.toMillis() <= 0) {
            throw new IllegalArgumentException("scheduleDelay must be at least 1ms, got " + scheduleDelay);
        }
        if (exportTimeout.toMillis() <= 0) {
            throw new IllegalArgumentException("exportTimeout must be at least 1ms, got " + exportTimeout);
        }
    }

    /** A queue of 2048 spans, batches of 512, a 5s delay and a 30s export timeout. */
    public static BatchSettings defaults() {
        return DEFAULTS;
    }

    @JsonCreator
    private static BatchSettings fromConfig(@JsonProperty("maxQueueSize") @Nullable Integer maxQueueSize,
            @JsonProperty("maxExportBatchSize") @Nullable Integer maxExportBatchSize,
            @JsonProperty("scheduleDelay") @Nullable Duration scheduleDelay,
            @JsonProperty("exportTimeout") @Nullable Duration exportTimeout) {
        int queue = requireNonNullElse(maxQueueSize, DEFAULTS.maxQueueSize);
        // a small queue without an explicit batch size takes the whole queue as its batch instead of being refused
        int batch = maxExportBatchSize != null ? maxExportBatchSize : Math.min(DEFAULTS.maxExportBatchSize, queue);
        return new BatchSettings(queue, batch, requireNonNullElse(scheduleDelay, DEFAULTS.scheduleDelay),
                requireNonNullElse(exportTimeout, DEFAULTS.exportTimeout));
    }
}
