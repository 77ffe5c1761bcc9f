package dev.vigil.api.metrics;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Per-query settings that override the engine's configured defaults. An absent value means the default.
 *
 * @param timeout how long the query may run
 * @param maxSamples how many samples the query may hold in memory at once
 * @param lookbackDelta how far back an instant vector selector looks for a sample (Prometheus: 5 minutes)
 */
@Experimental
public record QueryOptions(Optional<Duration> timeout, Optional<Long> maxSamples, Optional<Duration> lookbackDelta) {

    /** The engine's defaults for everything. */
    public static final QueryOptions DEFAULTS = new QueryOptions(Optional.empty(), Optional.empty(), Optional.empty());

    /** Checks the values. */
    public QueryOptions {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(maxSamples, "maxSamples is null");
        requireNonNull(lookbackDelta, "lookbackDelta is null");
        timeout.ifPresent(t -> requirePositive(t, "timeout"));
        lookbackDelta.ifPresent(t -> requirePositive(t, "lookbackDelta"));
        maxSamples.ifPresent(n -> {
            if (n <= 0) {
                throw new IllegalArgumentException("maxSamples must be positive: " + n);
            }
        });
    }

    /** These options with {@code timeout}, or the default when null. */
    public QueryOptions withTimeout(@Nullable Duration timeout) {
        return new QueryOptions(Optional.ofNullable(timeout), maxSamples, lookbackDelta);
    }

    /** These options with {@code maxSamples}, or the default when null. */
    public QueryOptions withMaxSamples(@Nullable Long maxSamples) {
        return new QueryOptions(timeout, Optional.ofNullable(maxSamples), lookbackDelta);
    }

    /** These options with {@code lookbackDelta}, or the default when null. */
    public QueryOptions withLookbackDelta(@Nullable Duration lookbackDelta) {
        return new QueryOptions(timeout, maxSamples, Optional.ofNullable(lookbackDelta));
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + duration);
        }
    }
}
