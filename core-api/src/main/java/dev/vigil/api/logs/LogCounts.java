package dev.vigil.api.logs;

import static java.util.Objects.requireNonNull;

import dev.vigil.api.Experimental;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How many records there were over time, by severity: the data of a log volume chart.
 *
 * @param step the width of each bucket
 * @param buckets consecutive buckets from the filter's start, the last one cut at its end
 */
@Experimental
public record LogCounts(Duration step, List<Bucket> buckets) {

    /** Checks and copies. */
    public LogCounts {
        requireNonNull(step, "step is null");
        buckets = List.copyOf(buckets);
    }

    /**
     * The records of one bucket.
     *
     * @param start where the bucket starts, inclusive; it ends where the next starts
     * @param counts how many records of each severity; severities without records are absent
     */
    public record Bucket(Instant start, Map<Severity, Long> counts) {

        /** Checks and copies. */
        public Bucket {
            requireNonNull(start, "start is null");
            counts = Map.copyOf(counts);
        }

        /** Every record of the bucket. */
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
