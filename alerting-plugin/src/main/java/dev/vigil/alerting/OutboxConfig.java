package dev.vigil.alerting;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.alerting.outbox.OutboxBuilder;
import dev.vigil.alerting.outbox.history.HistorySettings;
import dev.vigil.api.config.ByteSize;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code alerting.outbox} section: how notifications are delivered and how long their history is kept. Applied
 * when the plugin starts.
 *
 * @param workers delivery threads (default 4)
 * @param minBackoff the wait after a channel's first failed attempt, doubled after each further one (default 1s)
 * @param maxBackoff the longest such wait (default 5m)
 * @param maxRetryAfter the longest wait a channel's {@code Retry-After} is honoured for (default 1h)
 * @param receiverGrace how long notifications wait for a receiver or channel that was removed from the
 *     configuration before they are marked failed (default 1h)
 * @param historyRetention how long the notification history is kept (default 14d)
 * @param historySize the most disk space the history may take (default 128MiB)
 */
public record OutboxConfig(int workers, Duration minBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration receiverGrace,
        Duration historyRetention, ByteSize historySize) {

    private static final OutboxConfig DEFAULTS = new OutboxConfig(4, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofDays(14), ByteSize.ofMebibytes(128));
    private static final long HISTORY_SEGMENT_BYTES = 4L << 20;

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException naming the key at fault
     */
    public OutboxConfig {
        requireNonNull(minBackoff, "minBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        requireNonNull(maxRetryAfter, "maxRetryAfter is null");
        requireNonNull(receiverGrace, "receiverGrace is null");
        requireNonNull(historyRetention, "historyRetention is null");
        requireNonNull(historySize, "historySize is null");
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("workers must be from 1 to 64, got " + workers);
        }
        positive("minBackoff", minBackoff);
        positive("maxBackoff", maxBackoff);
        if (maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + ConfigDurations.format(maxBackoff) + ") is below minBackoff ("
                    + ConfigDurations.format(minBackoff) + ")");
        }
        positive("maxRetryAfter", maxRetryAfter);
        positive("receiverGrace", receiverGrace);
        positive("historyRetention", historyRetention);
        if (historySize.bytes() < HISTORY_SEGMENT_BYTES) {
            throw new IllegalArgumentException("historySize must be at least 4MiB, got " + historySize);
        }
    }

    /** Four workers, backoff from 1s to 5m, an hour's grace, fourteen days or 128MiB of history. */
    public static OutboxConfig defaults() {
        return DEFAULTS;
    }

    /** Sets these values on {@code builder}. */
    OutboxBuilder applyTo(OutboxBuilder builder) {
        return builder.workers(workers)
                .backoff(minBackoff, maxBackoff)
                .maxRetryAfter(maxRetryAfter)
                .receiverGrace(receiverGrace)
                .history(new HistorySettings(historyRetention, historySize.bytes(), HISTORY_SEGMENT_BYTES,
                        historyRetention.compareTo(Duration.ofDays(1)) < 0 ? historyRetention : Duration.ofDays(1)));
    }

    private static void positive(String key, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, got " + ConfigDurations.format(value));
        }
    }

    @JsonCreator
    private static OutboxConfig fromConfig(
            @JsonProperty("workers") @Nullable Integer workers,
            @JsonProperty("minBackoff") @Nullable Duration minBackoff,
            @JsonProperty("maxBackoff") @Nullable Duration maxBackoff,
            @JsonProperty("maxRetryAfter") @Nullable Duration maxRetryAfter,
            @JsonProperty("receiverGrace") @Nullable Duration receiverGrace,
            @JsonProperty("historyRetention") @Nullable Duration historyRetention,
            @JsonProperty("historySize") @Nullable ByteSize historySize) {
        return new OutboxConfig(requireNonNullElse(workers, DEFAULTS.workers),
                requireNonNullElse(minBackoff, DEFAULTS.minBackoff),
                requireNonNullElse(maxBackoff, DEFAULTS.maxBackoff),
                requireNonNullElse(maxRetryAfter, DEFAULTS.maxRetryAfter),
                requireNonNullElse(receiverGrace, DEFAULTS.receiverGrace),
                requireNonNullElse(historyRetention, DEFAULTS.historyRetention),
                requireNonNullElse(historySize, DEFAULTS.historySize));
    }
}
